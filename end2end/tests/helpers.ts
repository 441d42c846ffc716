// Shared steps of the browser tests: starting a filing, filling the applicant page and
// address fields, moving between pages, and files made on the fly.
//
// Inputs are found by their `id`/`name`, which the app derives from the procedure's field
// ids (see app/src/components/fields.rs): a field's input is `#{id}`, an address has
// `{id}.province`, `{id}.commune` and `{id}.street`, a repeating-group entry's inputs are
// `{group}[{i}].{sub}`, and the first radio/checkbox of a choice carries the field id, the
// others `{id}-{value}`. Ids with dots or brackets are matched with `[id="…"]`.

import { expect, type Locator, type Page } from '@playwright/test';
import { deflateSync } from 'node:zlib';

/** The demo procedure the filing tests use: household business registration. It has
 * three form steps, a radio that reveals a repeating group, a checkbox inside the group
 * that reveals a field, prefilled fields, and a PDF document required only for a
 * household (rather than one person). */
export const PROCEDURE = {
  code: '1.001612.000.00.00.H56',
  name: 'Đăng ký thành lập hộ kinh doanh',
  steps: ['ho_kinh_doanh', 'chu_ho', 'xac_nhan'],
};

/** Units of the shipped national list (server/reference/units-vn-2025.csv): the demo
 * province and one of its wards, and a ward of Hà Nội, outside the demo province. */
export const HA_NOI = { province: '01', provinceName: 'Thành phố Hà Nội' };

export const HOME = {
  province: '38',
  provinceName: 'Tỉnh Thanh Hóa',
  commune: '14797',
  communeName: 'Phường Hạc Thành',
};

/** Vietnamese UI texts the tests look for (app/src/i18n/vi.rs). */
export const TEXT = {
  startFiling: 'Nộp hồ sơ trực tuyến',
  continue: 'Tiếp tục',
  update: 'Cập nhật trang',
  submit: 'Nộp hồ sơ',
  errorSummaryTitle: 'Có lỗi cần sửa',
  receiptTitle: 'Đã nộp hồ sơ thành công',
  lookupButton: 'Tra cứu',
  print: 'In biên nhận',
  statusNew: 'Mới đăng ký',
  lookupNotFound: 'Không tìm thấy hồ sơ với mã và giấy tờ đã nhập',
  filesReceived: 'Đã nhận',
  // Field messages (app/src/i18n/errors.rs).
  invalidPhone: 'Nhập số điện thoại gồm 10 chữ số bắt đầu bằng 0',
  invalidIdNumber: 'Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số',
  mustTick: 'Đánh dấu vào ô “',
  // Each required applicant field left empty, named (issue: messages that say which field).
  requiredApplicant: {
    full_name: 'Nhập họ, chữ đệm và tên',
    id_number: 'Nhập số định danh cá nhân (CCCD) gồm 12 chữ số',
    phone: 'Nhập số điện thoại, ví dụ 0912345678',
    receiving_agency: 'Chọn nơi tiếp nhận hồ sơ',
  } as Record<string, string>,
};

/** A dossier code: receiving agency code, filing date `yymmdd`, sequence number. */
export const DOSSIER_CODE = /^[0-9A-Z.]+-\d{6}-\d{4}$/;

export interface Applicant {
  fullName: string;
  idNumber: string;
  phone: string;
  email?: string;
  birthDate?: string; // dd/mm/yyyy
  address?: { province: string; commune: string; street: string };
}

/** A made-up applicant; `seed` keeps ID numbers apart between tests. */
export function applicant(seed: number): Applicant {
  const id = `0380900${String(seed).padStart(5, '0')}`.slice(0, 12);
  return {
    fullName: 'Nguyễn Văn An',
    idNumber: id,
    phone: '0912345678',
    email: 'an.nguyen@example.vn',
    birthDate: '15/03/1990',
    address: { province: HOME.province, commune: HOME.commune, street: 'Số 12, đường Lê Lợi' },
  };
}

/** Whether the page under test runs JavaScript: decides how address and conditional
 * fields are brought up to date (at once in the island, or with "Cập nhật trang"). */
export interface Mode {
  js: boolean;
}

/** An input by its exact `id` (ids may hold dots and brackets). */
export function byId(page: Page, id: string): Locator {
  return page.locator(`[id="${id}"]`);
}

/** An input by its exact `name`. */
export function byName(page: Page, name: string): Locator {
  return page.locator(`[name="${name}"]`);
}

/** The submit button of a form page with `_action` = `value`. */
export function actionButton(page: Page, value: string): Locator {
  return page.locator(`button[name="_action"][value="${value}"]`);
}

/** The "Thêm …" button of repeating group `group`, checked to be usable: visible, and
 * labelled "Thêm" followed by the group's name. */
export async function addButton(page: Page, group: string): Promise<Locator> {
  const button = actionButton(page, `add:${group}`);
  await expect(button, `the add button of "${group}" should be visible`).toBeVisible();
  await expect(button).toHaveText(/^\s*Thêm /);
  return button;
}

/** The path of a filing page, for `waitForURL`. */
export function filingPage(slug: string): RegExp {
  return new RegExp(`/thu-tuc/[^/]+/nop/[^/]+/${slug.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\?[^#]*)?(#.*)?$`);
}

/** Clicks `button` and waits for the page it leads to to load (also when the server sends
 * the browser back to the same address, as "Cập nhật trang" and "add" do). */
export async function clickAndWaitForLoad(page: Page, button: Locator): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', {
    predicate: (frame) => frame === page.mainFrame(),
  });
  await button.click();
  await navigated;
  await page.waitForLoadState('load');
}

/** Waits until the form island runs: it hides the "Cập nhật trang" button, which only a
 * browser without JavaScript needs. */
export async function waitForIsland(page: Page): Promise<void> {
  await expect(page.locator('leptos-island').first()).toBeAttached();
  await expect(actionButton(page, 'refresh')).toBeHidden({ timeout: 45_000 });
}

/** Leaves a mark on the current document; `expectSameDocument` later proves that no
 * navigation or reload happened in between. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __e2eMark?: boolean }).__e2eMark = true;
  });
}

export async function expectSameDocument(page: Page): Promise<void> {
  const still = await page.evaluate(() => (window as unknown as { __e2eMark?: boolean }).__e2eMark === true);
  expect(still, 'the page was reloaded or left, but the change should have happened in place').toBe(true);
}

/** From the catalogue, opens the procedure and starts a filing; ends on the applicant page. */
export async function startFiling(page: Page, procedure = PROCEDURE): Promise<void> {
  await page.goto('/thu-tuc');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('link', { name: procedure.name, exact: true }).click();
  await page.waitForURL(new RegExp(`/thu-tuc/${procedure.code.replace(/\./g, '\\.')}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(procedure.name);
  await page.getByRole('button', { name: TEXT.startFiling }).click();
  await page.waitForURL(filingPage('nguoi-nop'));
}

/** Chooses the first real option of a select (not the "— Chọn —" placeholder). */
export async function selectFirstOption(select: Locator): Promise<string> {
  await expect(select.locator('option:not([value=""])').first()).toBeAttached();
  const value = await select.locator('option:not([value=""])').first().getAttribute('value');
  if (!value) throw new Error('select has no option with a value');
  await select.selectOption(value);
  return value;
}

/** Fills an address field. Without JavaScript the commune list follows the province only
 * after "Cập nhật trang", so the page is refreshed in between; in the island the list is
 * fetched at once. */
export async function fillAddress(
  page: Page,
  name: string,
  address: { province: string; commune: string; street: string },
  mode: Mode,
): Promise<void> {
  const province = byName(page, `${name}.province`);
  const commune = byName(page, `${name}.commune`);
  await province.selectOption(address.province);
  if (!mode.js) {
    await clickAndWaitForLoad(page, actionButton(page, 'refresh'));
    await expect(province).toHaveValue(address.province);
  }
  // selectOption waits until the option is there (in the island it arrives from the server).
  await commune.selectOption(address.commune);
  await byName(page, `${name}.street`).fill(address.street);
}

/** Fills the applicant page (without submitting it). */
export async function fillApplicant(page: Page, who: Applicant, mode: Mode): Promise<void> {
  await byId(page, 'full_name').fill(who.fullName);
  await byId(page, 'id_number').fill(who.idNumber);
  await byId(page, 'phone').fill(who.phone);
  if (who.email) await byId(page, 'email').fill(who.email);
  if (who.birthDate) await byId(page, 'birth_date').fill(who.birthDate);
  if (who.address) await fillAddress(page, 'address', who.address, mode);
  // Commune-level procedures with several receiving desks ask which one.
  const agency = byId(page, 'receiving_agency');
  if ((await agency.count()) > 0 && (await agency.inputValue()) === '') {
    await selectFirstOption(agency);
  }
}

/** Clicks "Tiếp tục" and waits for page `slug`. */
export async function continueTo(page: Page, slug: string): Promise<void> {
  await actionButton(page, 'next').click();
  await page.waitForURL(filingPage(slug));
  await page.waitForLoadState('load');
}

/** Fills the first step of the household business form (the business itself). */
export async function fillBusinessStep(page: Page, mode: Mode): Promise<void> {
  await byId(page, 'ten_ho_kinh_doanh').fill('Hộ kinh doanh Minh Anh');
  await fillAddress(
    page,
    'dia_diem_kinh_doanh',
    { province: HOME.province, commune: HOME.commune, street: 'Ki-ốt 5, chợ Vườn Hoa' },
    mode,
  );
  // The first option carries the field id, the others `{id}-{value}`.
  await byId(page, 'nganh_nghe').check();
  await byId(page, 'nganh_nghe-n5630').check();
  await byId(page, 'von_kinh_doanh').fill('150.000.000');
  await byId(page, 'so_lao_dong').fill('3');
}

/** Fills one household member entry of the `thanh_vien` group. */
export async function fillMember(
  page: Page,
  index: number,
  member: { name: string; idNumber: string; relation: string },
): Promise<void> {
  const field = (sub: string) => byName(page, `thanh_vien[${index}].${sub}`);
  await field('tv_ho_ten').fill(member.name);
  await field('tv_so_dinh_danh').fill(member.idNumber);
  await field('tv_quan_he').selectOption(member.relation);
}

/** A small real PDF (one empty page), as `%PDF` magic bytes and a valid cross-reference. */
export function makePdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A small real PNG: 16×16 pixels of one colour. */
export function makePng(): Buffer {
  const width = 16;
  const height = 16;
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(typed));
    return Buffer.concat([len, typed, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const rows = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    rows[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      rows[row + 1 + x * 3] = 0xc8;
      rows[row + 2 + x * 3] = 0x10;
      rows[row + 3 + x * 3] = 0x2e;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** On the receipt: the dossier code, checked for its shape. */
export async function readDossierCode(page: Page): Promise<string> {
  await page.waitForURL(filingPage('bien-nhan'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXT.receiptTitle);
  const code = (await byId(page, 'ma-ho-so').innerText()).trim();
  expect(code).toMatch(DOSSIER_CODE);
  return code;
}

/** On the receipt: the dossier's access code (`XXXX-XXXX-XXXX`), which opens its actions. */
export async function readAccessCode(page: Page): Promise<string> {
  const code = (await byId(page, 'ma-truy-cap').innerText()).trim();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return code;
}

/** Looks dossier `code` up as a citizen does: the form at `/tra-cuu`, posted, so the ID
 * number or access code `proof` never stands in the address. */
export async function lookUp(page: Page, code: string, proof: string): Promise<void> {
  await page.goto(`/tra-cuu?ma=${encodeURIComponent(code)}`);
  await expect(byId(page, 'ma')).toHaveValue(code);
  await byId(page, 'giay_to').fill(proof);
  await clickAndWaitForLoad(page, page.getByRole('button', { name: TEXT.lookupButton, exact: true }));
  expect(page.url()).not.toContain(proof);
}

/** Files the shortest dossier of the household business procedure: one person founds it,
 * so no member list and no required document. Returns the dossier code. */
export async function fileSimpleDossier(page: Page, who: Applicant, mode: Mode): Promise<string> {
  await startFiling(page);
  if (mode.js) await waitForIsland(page);
  await fillApplicant(page, who, mode);
  await continueTo(page, 'ho_kinh_doanh');
  if (mode.js) await waitForIsland(page);
  await fillBusinessStep(page, mode);
  await continueTo(page, 'chu_ho');
  if (mode.js) await waitForIsland(page);
  await byId(page, 'chu_the').check(); // "Một cá nhân"
  await continueTo(page, 'xac_nhan');
  if (mode.js) await waitForIsland(page);
  await byId(page, 'cam_doan').check();
  await continueTo(page, 'giay-to');
  await continueTo(page, 'kiem-tra');
  await page.getByRole('button', { name: TEXT.submit, exact: true }).click();
  return readDossierCode(page);
}
