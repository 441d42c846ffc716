// The back office in Chromium: a dossier filed by a citizen is accepted and moved through
// every step by the officers who hold them, then returned; a supplement round trip on a
// phone; an overdue dossier that needs its apology (on a second server whose clock runs 30
// days ahead, see run.sh); slips that open and print.

import { expect, test, type Browser, type Page } from '@playwright/test';
import { applicant, byId, clickAndWaitForLoad, fileSimpleDossier, lookUp, makePdf, readAccessCode } from './helpers';

const PASSWORD = 'motcua-demo';
const LATE_URL = process.env.MOTCUA_LATE_URL;

/** The receiving agency of a dossier code: everything before `-yymmdd-nnnn`. */
function agencyOf(code: string): string {
  return code.replace(/-\d{6}-\d{4}$/, '');
}

/** A new browser context signed in as demo account `prefix` of `agency`. */
async function staffPage(browser: Browser, prefix: string, agency: string, base?: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: base ?? process.env.MOTCUA_URL ?? 'http://127.0.0.1:3000',
    viewport: { width: 1024, height: 768 },
    locale: 'vi-VN',
  });
  const page = await context.newPage();
  await page.goto('/dang-nhap');
  await byId(page, 'ten_dang_nhap').fill(`${prefix}.${agency.toLowerCase()}`);
  await byId(page, 'mat_khau').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.waitForURL(/\/can-bo/);
  return page;
}

/** Submits the form of `action` on the dossier page and waits for the page to come back. */
async function act(page: Page, action: string): Promise<void> {
  await page.locator(`form#hd-${action} button[type=submit]`).click();
  await page.waitForURL(/\/can-bo\/ho-so\/[^?]+\?/);
}

async function openDossier(page: Page, code: string): Promise<void> {
  await page.goto(`/can-bo/ho-so/${code}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(code);
}

test.describe('back office', () => {
  test.use({ javaScriptEnabled: false });

  test('a filed dossier is accepted, moved through every step and returned', async ({ page, browser }) => {
    const who = applicant(11);
    const code = await fileSimpleDossier(page, who, { js: false });
    const access = await readAccessCode(page);
    const agency = agencyOf(code);

    // Reception finds it among the new online dossiers and accepts it.
    const reception = await staffPage(browser, 'tiepnhan', agency);
    await reception.goto('/can-bo?hang=moi');
    await reception.getByRole('link', { name: code }).click();
    await expect(reception.locator('p.status')).toHaveText('Mới đăng ký');
    await act(reception, 'accept');
    await expect(reception.locator('p.status')).toHaveText('Đang xử lý');
    await expect(reception.locator('details.why summary')).toHaveText('Vì sao là ngày này?');
    await reception.locator('details.why summary').click();
    await expect(reception.locator('details.why li').first()).toContainText('Tiếp nhận');

    // Reception hands the first step to a chosen specialist.
    const choice = reception.locator('form#hd-next_step select');
    const minh = await choice.locator('option', { hasText: 'Trần Văn Minh' }).getAttribute('value');
    await choice.selectOption(minh ?? '');
    await act(reception, 'next_step');
    await expect(reception.getByText('Trần Văn Minh').first()).toBeVisible();

    const specialist = await staffPage(browser, 'chuyenvien', agency);
    await specialist.goto('/can-bo?hang=cua-toi');
    await specialist.getByRole('link', { name: code }).click();
    await act(specialist, 'next_step');

    const leader = await staffPage(browser, 'lanhdao', agency);
    await leader.goto('/can-bo?hang=cua-toi');
    await leader.getByRole('link', { name: code }).click();
    await act(leader, 'next_step');

    // The clerk finishes with the result document.
    const clerk = await staffPage(browser, 'vanthu', agency);
    await openDossier(clerk, code);
    await clerk.locator('form#hd-finish input[type=file]').setInputFiles({
      name: 'giay-chung-nhan.pdf',
      mimeType: 'application/pdf',
      buffer: makePdf(),
    });
    await act(clerk, 'finish');
    await expect(clerk.locator('p.status')).toHaveText('Đã xử lý xong');
    await expect(clerk.getByRole('link', { name: 'giay-chung-nhan.pdf' })).toBeVisible();

    await reception.goto('/can-bo?hang=tra-ket-qua');
    await reception.getByRole('link', { name: code }).click();
    await act(reception, 'return_result');
    await expect(reception.locator('p.status')).toHaveText('Đã trả kết quả');

    // The citizen sees it returned, with the acceptance slip.
    await lookUp(page, code, access);
    await expect(page.locator('section.result dd.status')).toHaveText('Đã trả kết quả');
    await expect(page.getByRole('button', { name: /Phiếu 01/ })).toBeVisible();
  });

  test('a supplement round trip on a phone', async ({ page, browser }) => {
    const who = applicant(12);
    const code = await fileSimpleDossier(page, who, { js: false });
    const access = await readAccessCode(page);
    const agency = agencyOf(code);
    const reception = await staffPage(browser, 'tiepnhan', agency);
    await openDossier(reception, code);
    const form = reception.locator('form#hd-request_supplement');
    await form.getByLabel('Tên hộ kinh doanh', { exact: true }).check();
    await form.getByLabel('Lý do', { exact: true }).fill('Tên hộ kinh doanh trùng với hộ đã đăng ký.');
    await act(reception, 'request_supplement');
    await expect(reception.locator('p.status')).toHaveText('Yêu cầu bổ sung');

    // The citizen, on a 360 px phone without an account, answers from the lookup.
    await lookUp(page, code, access);
    await expect(page.locator('section.result')).toContainText('trùng với hộ đã đăng ký');
    await page.getByRole('button', { name: 'Bổ sung hồ sơ' }).click();
    await page.waitForURL(new RegExp(`/bo-sung/${code.replace(/\./g, '\\.')}/[0-9a-f]+$`));
    const name = byId(page, 'ten_ho_kinh_doanh');
    await expect(name).toHaveValue('Hộ kinh doanh Minh Anh');
    // Only the requested field re-opens.
    await expect(byId(page, 'von_kinh_doanh')).toHaveCount(0);
    // An empty answer is refused at the field, with the summary on top.
    await name.fill('');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect(page.locator('#loi')).toBeVisible();
    await expect(page.locator('#loi a[href="#ten_ho_kinh_doanh"]')).toBeVisible();
    await byId(page, 'ten_ho_kinh_doanh').fill('Hộ kinh doanh Minh Anh Hai');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.waitForURL(/\/xong$/);
    await expect(page.getByRole('status')).toContainText('Đã gửi bổ sung');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, 'no sideways scrolling at 360 px').toBeLessThanOrEqual(360);

    // Back at the desk, with the earlier value shown beside the new one.
    await openDossier(reception, code);
    await expect(reception.locator('p.status')).toHaveText('Mới đăng ký');
    await expect(reception.locator('del')).toHaveText('Hộ kinh doanh Minh Anh');
  });

  test('an overdue dossier gets its apology before it moves on', async ({ page, browser }) => {
    expect(LATE_URL, 'run.sh starts the second server and sets MOTCUA_LATE_URL').toBeTruthy();
    const who = applicant(13);
    const code = await fileSimpleDossier(page, who, { js: false });
    const access = await readAccessCode(page);
    const agency = agencyOf(code);
    const reception = await staffPage(browser, 'tiepnhan', agency);
    await openDossier(reception, code);
    await act(reception, 'accept');

    // Thirty days later (the second server's clock), the dossier is overdue.
    const late = await staffPage(browser, 'tiepnhan', agency, LATE_URL);
    await openDossier(late, code);
    await expect(late.locator('.tag.late').first()).toHaveText('Quá hạn');
    // Nothing moves it on but the apology, and the page says so.
    await expect(late.locator('#can-xin-loi')).toContainText('Phiếu xin lỗi');
    await expect(late.locator('form#hd-next_step')).toHaveCount(0);
    await expect(late.locator('form#hd-apologize')).toBeVisible();

    const leader = await staffPage(browser, 'lanhdao', agency, LATE_URL);
    await openDossier(leader, code);
    const now = new Date(Date.now() + 40 * 24 * 3600 * 1000);
    const local = new Date(now.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
    const apology = leader.locator('form#hd-apologize');
    await apology.getByLabel('Hẹn trả kết quả mới').fill(`${local}T16:00`);
    await apology.getByLabel('Đơn vị, cá nhân để chậm').fill('Bộ phận Một cửa');
    await apology.getByLabel('Lý do', { exact: true }).fill('Hệ thống gián đoạn');
    await act(leader, 'apologize');
    await expect(leader.getByRole('link', { name: /Phiếu 04/ })).toBeVisible();

    await openDossier(late, code);
    await act(late, 'next_step');
    expect(late.url()).toContain('xong=next_step');
    await expect(late.locator('#loi')).toBeHidden();

    // The citizen sees the apology and the new date.
    await lookUp(page, code, access);
    await expect(page.getByRole('button', { name: /Phiếu 04/ })).toBeVisible();
    const [d, m, y] = [local.slice(8, 10), local.slice(5, 7), local.slice(0, 4)];
    await expect(page.locator('section.result')).toContainText(`16:00 ${d}/${m}/${y}`);
  });

  test('slips open, print and download', async ({ page, browser }) => {
    const who = applicant(14);
    const code = await fileSimpleDossier(page, who, { js: false });
    const access = await readAccessCode(page);
    const reception = await staffPage(browser, 'tiepnhan', agencyOf(code));
    await openDossier(reception, code);
    await act(reception, 'accept');
    await reception.getByRole('link', { name: /Phiếu 01/ }).click();
    await expect(reception.getByRole('heading', { level: 1 })).toHaveText('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    await expect(reception.locator('.code')).toContainText(code);
    await expect(reception.locator('.qr svg')).toBeVisible();
    // Without JavaScript there is no dead "print" button (the browser's own print works).
    await expect(reception.getByRole('button', { name: 'In phiếu' })).toBeHidden();
    await reception.emulateMedia({ media: 'print' });
    await expect(reception.locator('.tools')).toBeHidden();
    await expect(reception.locator('article.A5')).toBeVisible();
    const pdf = await reception.request.get(`/phieu/${code}/01/pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    // The citizen opens the same slip from the lookup, but not the agency's control slip.
    await lookUp(page, code, access);
    await clickAndWaitForLoad(page, page.getByRole('button', { name: /Phiếu 01/ }));
    await expect(page.locator('.code')).toContainText(code);
    expect(page.url()).not.toContain(access);
    const control = await page.request.post(`/phieu/${code}/06`, {
      form: { giay_to: access },
      headers: { 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(control.status()).toBe(404);

    // With JavaScript, under the Content-Security-Policy: the print button's script (allowed
    // by its hash) runs, and nothing on the page is refused.
    const phone = await browser.newContext({ javaScriptEnabled: true, baseURL: process.env.MOTCUA_URL });
    const withJs = await phone.newPage();
    const refused: string[] = [];
    withJs.on('console', (m) => {
      if (m.text().includes('Content Security Policy')) refused.push(m.text());
    });
    await lookUp(withJs, code, access);
    await clickAndWaitForLoad(withJs, withJs.getByRole('button', { name: /Phiếu 01/ }));
    await expect(withJs.getByRole('button', { name: 'In phiếu' })).toBeVisible();
    expect(refused).toEqual([]);
    await phone.close();
  });
});
