import { expect, type Page } from '@playwright/test';
import type { JobInfo, TerritoryInput } from '../../../electron/api';
import { E2E_PASSWORD } from './paths';
import { rpc } from './rpc';
import type { TestServer } from './server';
import { buildingsGcjGeoJson, communityGeoJson, gridsShapefileZip } from '../../shared/territory-files';

/** Uploads a file as the page's session and applies it as a territory layer, waiting for the job. */
export async function uploadAndApply(page: Page, server: TestServer, name: string, bytes: Uint8Array | string, input: Omit<TerritoryInput, 'fileId'>): Promise<void> {
  const reply = await page.request.post(`${server.origin}/api/files`, { headers: { 'x-griddesk': '1', 'x-file-name': encodeURIComponent(name) }, data: Buffer.from(bytes) });
  const { result } = (await reply.json()) as { result: { fileId: string } };
  const job = await rpc(page.request, server, 'territory.apply', { ...input, fileId: result.fileId });
  await expect.poll(async () => ((await rpc(page.request, server, 'jobs.get', { id: job.id })) as JobInfo).state).toBe('done');
}

/**
 * A fresh installation made a real office through the API (the setup screens have their own
 * test in territory.spec.ts): 幸福街道 with the test street's community, two grids (Shapefile in
 * CGCS2000 zone 40) and three buildings (GCJ-02), signed in as its administrator.
 */
export async function setUpTestStreet(page: Page, server: TestServer): Promise<void> {
  await page.goto(server.url);
  await rpc(page.request, server, 'auth.setup', {
    username: 'admin',
    displayName: '系统管理员',
    password: E2E_PASSWORD,
    office: { name: '幸福街道', code: '370202001000', city: '青岛市', district: '市南区' },
  });
  const plain = { crs: 'auto', encoding: 'auto', mapping: {} } as const;
  await uploadAndApply(page, server, '社区.geojson', communityGeoJson(), { ...plain, layer: 'communities' });
  await uploadAndApply(page, server, '网格.zip', await gridsShapefileZip(), { ...plain, layer: 'grids' });
  await uploadAndApply(page, server, '楼栋.geojson', buildingsGcjGeoJson(), { ...plain, layer: 'buildings', crs: 'gcj02' });
}
