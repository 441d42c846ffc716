// A citizen files a dossier from start to receipt, once in a browser running the form
// island (live validation, conditional fields, repeating entries in place) and once with
// JavaScript off (everything through the server: error summary, "Cập nhật trang", add),
// then looks the dossier up.

import { expect, test, type Page } from '@playwright/test';
import {
  PROCEDURE,
  TEXT,
  actionButton,
  addButton,
  applicant,
  byId,
  byName,
  clickAndWaitForLoad,
  continueTo,
  expectSameDocument,
  fileSimpleDossier,
  readAccessCode,
  fillApplicant,
  fillBusinessStep,
  fillMember,
  lookUp,
  filingPage,
  makePdf,
  makePng,
  markDocument,
  readDossierCode,
  startFiling,
  waitForIsland,
} from './helpers';

/** The documents, check and submit pages, the same with or without JavaScript: upload a
 * PDF for the required document and a PNG for the optional one, check that both were
 * received, continue to the check page, verify some answers there, and file. */
async function uploadReviewAndSubmit(page: Page, expected: string[]): Promise<string> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await byId(page, 'file-bien_ban_hop_ho_gia_dinh').setInputFiles({
    name: 'bien-ban-hop.pdf',
    mimeType: 'application/pdf',
    buffer: makePdf(),
  });
  await byId(page, 'file-giay_to_dia_diem').setInputFiles({
    name: 'hop-dong-thue.png',
    mimeType: 'image/png',
    buffer: makePng(),
  });
  // "Tải lên" stores the files and shows the page again with what was received.
  await clickAndWaitForLoad(page, actionButton(page, 'upload'));
  await expect(page).toHaveURL(filingPage('giay-to'));
  await expect(page.locator('#loi')).toBeHidden();
  const received = page.locator('ul.files li');
  await expect(received.filter({ hasText: 'bien-ban-hop.pdf' })).toContainText(TEXT.filesReceived);
  await expect(received.filter({ hasText: 'hop-dong-thue.png' })).toContainText(TEXT.filesReceived);

  await continueTo(page, 'kiem-tra');
  const main = page.locator('main');
  for (const text of expected) await expect(main).toContainText(text);
  await expect(main).toContainText('bien-ban-hop.pdf');
  await expect(main).toContainText('hop-dong-thue.png');

  await page.getByRole('button', { name: TEXT.submit, exact: true }).click();
  return readDossierCode(page);
}

test.describe('filing with JavaScript (form island)', () => {
  test('live validation, conditional fields, repeating entries, upload, receipt', async ({ page }) => {
    const who = applicant(1);
    const mode = { js: true };
    const errors: string[] = [];
    page.on('pageerror', (e) => {
      const where = page.url().replace(/\/nop\/[0-9a-f]+\//, '/nop/…/');
      errors.push(`${String(e)} (on ${where})${process.env.E2E_DEBUG ? `\n${e.stack}` : ''}`);
    });
    // The island and its loader run under the page's nonce policy: nothing may be refused.
    page.on('console', (m) => {
      if (m.text().includes('Content Security Policy')) errors.push(m.text());
    });

    await startFiling(page);
    await waitForIsland(page);

    // Live validation: a bad phone number is reported when the field is left, in place.
    await markDocument(page);
    const phone = byId(page, 'phone');
    await phone.fill('12345');
    await expect(byId(page, 'phone-error')).toBeHidden(); // not while typing the first time
    await phone.press('Tab');
    await expect(byId(page, 'phone-error')).toContainText(TEXT.invalidPhone);
    await expect(phone).toHaveAttribute('aria-invalid', 'true');
    // Correcting it removes the message as one types.
    await phone.fill(who.phone);
    await expect(byId(page, 'phone-error')).toBeHidden();
    await expect(phone).not.toHaveAttribute('aria-invalid', 'true');
    await expectSameDocument(page);

    // "Tiếp tục" with a required field empty stays here and shows the summary.
    await byId(page, 'full_name').fill('');
    await actionButton(page, 'next').click();
    await expect(page.locator('#loi')).toBeVisible();
    await expect(page.locator('#loi a[href="#full_name"]')).toBeVisible();
    await expect(page.locator('#loi')).toBeFocused();
    await expectSameDocument(page);

    await fillApplicant(page, who, mode);
    // The communes of the chosen province came from the server without a reload.
    await expectSameDocument(page);
    await continueTo(page, 'ho_kinh_doanh');

    // Step 1: the business.
    await waitForIsland(page);
    await fillBusinessStep(page, mode);
    await continueTo(page, 'chu_ho');

    // Step 2: owner (prefilled from the applicant) and household members.
    await waitForIsland(page);
    await expect(byId(page, 'chu_ho_ho_ten')).toHaveValue(who.fullName);
    await expect(byId(page, 'chu_ho_so_dinh_danh')).toHaveValue(who.idNumber);
    await markDocument(page);
    const members = page.locator('[id="thanh_vien"]');
    await expect(members).toBeHidden();
    // Choosing "Các thành viên hộ gia đình" shows the member list at once.
    await byId(page, 'chu_the-ho_gia_dinh').check();
    await expect(members).toBeVisible();
    const entries = members.locator('fieldset.entry');
    await expect(entries).toHaveCount(1);
    await fillMember(page, 0, { name: 'Trần Thị Bình', idNumber: '038191000222', relation: 'vo_chong' });
    // A checkbox inside the entry reveals the entry's own tax code field.
    const taxCode = byName(page, 'thanh_vien[0].tv_ma_so_thue');
    await expect(taxCode).toBeHidden();
    await byName(page, 'thanh_vien[0].tv_co_ma_so_thue').check();
    await expect(taxCode).toBeVisible();
    await taxCode.fill('0101234567');
    // Add an entry, then remove it, without a round trip.
    await (await addButton(page, 'thanh_vien')).click();
    await expect(entries).toHaveCount(2);
    await expect(byName(page, 'thanh_vien[1].tv_ho_ten')).toBeVisible();
    await byName(page, 'thanh_vien[1].tv_ho_ten').fill('Nguyễn Văn Cường');
    await actionButton(page, 'remove:thanh_vien:1').click();
    await expect(entries).toHaveCount(1);
    await expect(byName(page, 'thanh_vien[1].tv_ho_ten')).toHaveCount(0);
    // Add once more and keep it: a second member.
    await (await addButton(page, 'thanh_vien')).click();
    await expect(entries).toHaveCount(2);
    const second = entries.nth(1).locator('input[name$=".tv_ho_ten"]');
    // A new entry starts empty, even where a removed one was.
    await expect(second).toHaveValue('');
    const secondName = await second.getAttribute('name');
    const index = Number(/\[(\d+)\]/.exec(secondName ?? '')?.[1]);
    await fillMember(page, index, { name: 'Nguyễn Minh Anh', idNumber: '038205000333', relation: 'con' });
    await expectSameDocument(page);
    await continueTo(page, 'xac_nhan');

    // Step 3: declaration. Continuing without ticking it is stopped in the browser.
    await waitForIsland(page);
    await markDocument(page);
    const proxyName = byId(page, 'nguoi_uy_quyen_ho_ten');
    await expect(proxyName).toBeHidden();
    await byId(page, 'nop_qua_uy_quyen').check();
    await expect(proxyName).toBeVisible();
    await byId(page, 'nop_qua_uy_quyen').uncheck();
    await expect(proxyName).toBeHidden();
    await actionButton(page, 'next').click();
    await expect(page.locator('#loi a[href="#cam_doan"]')).toBeVisible();
    await expect(byId(page, 'cam_doan-error')).toContainText(TEXT.mustTick);
    await expectSameDocument(page);
    await byId(page, 'cam_doan').check();
    await expect(byId(page, 'cam_doan-error')).toBeHidden();
    await continueTo(page, 'giay-to');

    const code = await uploadReviewAndSubmit(page, [
      who.fullName,
      'Hộ kinh doanh Minh Anh',
      'Trần Thị Bình',
      'Nguyễn Minh Anh',
    ]);
    expect(code).toMatch(/^[0-9A-Z.]+-\d{6}-\d{4}$/);
    await expect(page.getByRole('button', { name: TEXT.print })).toBeVisible();
    expect(errors, 'uncaught errors or refused scripts in the page').toEqual([]);
  });
});

test.describe('filing without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('error summary, "Cập nhật trang", add entry, upload, receipt', async ({ page }) => {
    const who = applicant(2);
    const mode = { js: false };

    await startFiling(page);
    // No island runs: the update button stays for conditions and lists.
    await expect(actionButton(page, 'refresh')).toBeVisible();

    // A bad ID number: the page comes back with the summary, the message and what was typed.
    await byId(page, 'full_name').fill(who.fullName);
    await byId(page, 'id_number').fill('12345');
    await byId(page, 'phone').fill(who.phone);
    await byId(page, 'birth_date').fill(who.birthDate!);
    await actionButton(page, 'next').click();
    await page.waitForURL(/\/nguoi-nop#loi$/);
    const summary = page.locator('#loi');
    await expect(summary).toBeVisible();
    await expect(summary).toContainText(TEXT.errorSummaryTitle);
    const link = summary.locator('a[href="#id_number"]');
    await expect(link).toContainText(TEXT.invalidIdNumber);
    await expect(byId(page, 'id_number-error')).toContainText(TEXT.invalidIdNumber);
    await expect(byId(page, 'id_number')).toHaveAttribute('aria-invalid', 'true');
    await expect(byId(page, 'id_number')).toHaveValue('12345');
    await expect(byId(page, 'full_name')).toHaveValue(who.fullName);
    await expect(byId(page, 'phone')).toHaveValue(who.phone);
    await expect(byId(page, 'birth_date')).toHaveValue(who.birthDate!);
    // The summary's link leads to the field.
    await link.click();
    await expect(page).toHaveURL(/#id_number$/);

    await fillApplicant(page, who, mode); // the address goes through "Cập nhật trang"
    await continueTo(page, 'ho_kinh_doanh');

    await fillBusinessStep(page, mode);
    await continueTo(page, 'chu_ho');

    // The member list is a conditional field: shown after "Cập nhật trang".
    await expect(byId(page, 'chu_ho_ho_ten')).toHaveValue(who.fullName);
    const members = page.locator('[id="thanh_vien"]');
    await expect(members).toBeHidden();
    await byId(page, 'chu_the-ho_gia_dinh').check();
    await expect(members).toBeHidden(); // nothing happens in the page by itself
    await clickAndWaitForLoad(page, actionButton(page, 'refresh'));
    await expect(members).toBeVisible();
    await expect(byId(page, 'chu_the-ho_gia_dinh')).toBeChecked();
    const entries = members.locator('fieldset.entry');
    await expect(entries).toHaveCount(1);
    await fillMember(page, 0, { name: 'Trần Thị Bình', idNumber: '038191000222', relation: 'vo_chong' });

    // "Thêm" posts the page; the server adds an entry and keeps the first one's values.
    await clickAndWaitForLoad(page, await addButton(page, 'thanh_vien'));
    await expect(page).toHaveURL(/#thanh_vien$/);
    await expect(entries).toHaveCount(2);
    await expect(byName(page, 'thanh_vien[0].tv_ho_ten')).toHaveValue('Trần Thị Bình');
    await expect(byName(page, 'thanh_vien[1].tv_ho_ten')).toBeVisible();
    await fillMember(page, 1, { name: 'Nguyễn Minh Anh', idNumber: '038205000333', relation: 'con' });
    // A third entry, removed again through the server.
    await clickAndWaitForLoad(page, await addButton(page, 'thanh_vien'));
    await expect(entries).toHaveCount(3);
    await clickAndWaitForLoad(page, actionButton(page, 'remove:thanh_vien:2'));
    await expect(entries).toHaveCount(2);
    await expect(byName(page, 'thanh_vien[1].tv_ho_ten')).toHaveValue('Nguyễn Minh Anh');
    await continueTo(page, 'xac_nhan');

    // The declaration left unticked: the server sends the page back with its summary.
    await actionButton(page, 'next').click();
    await page.waitForURL(/\/xac_nhan#loi$/);
    await expect(page.locator('#loi a[href="#cam_doan"]')).toContainText(TEXT.mustTick);
    await byId(page, 'cam_doan').check();
    await continueTo(page, 'giay-to');

    const code = await uploadReviewAndSubmit(page, [
      who.fullName,
      'Hộ kinh doanh Minh Anh',
      'Trần Thị Bình',
      'Nguyễn Minh Anh',
    ]);
    expect(code).toMatch(/^[0-9A-Z.]+-\d{6}-\d{4}$/);

    // Filing is closed: submitting again (a double click, a flaky network) leads to the same
    // receipt, and the check page now sends the browser to the receipt too.
    const reviewUrl = page.url().replace(/\/bien-nhan([?#].*)?$/, '/kiem-tra');
    const again = await page.request.post(reviewUrl, {
      form: { _action: 'file' },
      headers: { 'Sec-Fetch-Site': 'same-origin' },
      maxRedirects: 0,
    });
    expect(again.status()).toBe(303);
    expect(again.headers()['location']).toMatch(/\/bien-nhan$/);
    await page.goto(reviewUrl);
    await page.waitForURL(filingPage('bien-nhan'));
    await expect(byId(page, 'ma-ho-so')).toHaveText(code);
  });
});

test.describe('lookup', () => {
  test.use({ javaScriptEnabled: false });

  test('a filed dossier is found with its code and ID number, not with another ID', async ({ page }) => {
    const who = applicant(3);
    const code = await fileSimpleDossier(page, who, { js: false });
    const access = await readAccessCode(page);
    expect(code).toMatch(/^[0-9A-Z.]+-\d{6}-\d{4}$/);

    await lookUp(page, code, who.idNumber);
    const result = page.locator('section.result');
    await expect(result).toBeVisible();
    await expect(result).toContainText(code);
    await expect(result).toContainText(PROCEDURE.name);
    await expect(result.locator('dd.status')).toHaveText(TEXT.statusNew);

    // The ID number shows the status only; the access code opens the withdrawal too.
    await expect(result.locator('form[action^="/rut-ho-so/"]')).toHaveCount(0);
    await lookUp(page, code, access);
    await expect(page.locator('section.result dd.status')).toHaveText(TEXT.statusNew);
    await expect(page.locator('section.result form[action^="/rut-ho-so/"]')).toHaveCount(1);

    // A phone number proves nothing.
    await lookUp(page, code, who.phone);
    await expect(page.getByRole('alert')).toContainText(TEXT.lookupNotFound);

    // Another ID number: the same "not found" as for an unknown code.
    await lookUp(page, code, '038000999999');
    await expect(page.getByRole('alert')).toContainText(TEXT.lookupNotFound);
    await expect(page.locator('section.result')).toHaveCount(0);
  });
});
