// An applicant who lives outside the demo province, and error messages that name their
// field, in a browser running the form island (the same is tested without JavaScript over
// HTTP in server/tests/units.rs).

import { expect, test } from '@playwright/test';
import {
  HA_NOI,
  TEXT,
  actionButton,
  applicant,
  byId,
  byName,
  continueTo,
  expectSameDocument,
  markDocument,
  selectFirstOption,
  startFiling,
  waitForIsland,
} from './helpers';

test.use({ viewport: { width: 360, height: 740 } });

test('empty required fields are named in the summary; a Hà Nội address is accepted', async ({ page }) => {
  await startFiling(page);
  await waitForIsland(page);
  await markDocument(page);

  // "Tiếp tục" on the empty page: the island fills the summary, one named entry a field.
  await actionButton(page, 'next').click();
  const summary = page.locator('#loi');
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  for (const [id, message] of Object.entries(TEXT.requiredApplicant)) {
    if ((await byId(page, id).count()) === 0) continue; // one desk: no choice asked
    const link = summary.locator(`a[href="#${id}"]`);
    await expect(link).toHaveText(message);
    await expect(byId(page, `${id}-error`)).toHaveText(message);
  }
  // The summary link moves focus to its field.
  await summary.locator('a[href="#full_name"]').click();
  await expect(byId(page, 'full_name')).toBeFocused();
  await expectSameDocument(page);

  // An applicant from Hà Nội: its communes arrive without a reload.
  const who = applicant(7);
  await byId(page, 'full_name').fill(who.fullName);
  await byId(page, 'id_number').fill(who.idNumber);
  await byId(page, 'phone').fill(who.phone);
  await byName(page, 'address.province').selectOption(HA_NOI.province);
  const commune = byName(page, 'address.commune');
  await selectFirstOption(commune);
  expect(await commune.locator('option:not([value=""])').count()).toBeGreaterThan(50);
  await byName(page, 'address.street').fill('Số 12, phố Kim Mã');
  const agency = byId(page, 'receiving_agency');
  if ((await agency.count()) > 0) await selectFirstOption(agency);
  await expectSameDocument(page);
  await continueTo(page, 'ho_kinh_doanh');
});
