import type { TerritoryInput } from '../../electron/api/territory';
import type { ServiceContext } from '../context';
import type { JobOutcome } from '../jobs/manager';
import type { JobControl } from '../jobs/types';
import { seedDatabase } from '../seed';
import { appendAudit } from '../audit/append';
import { applyTerritory } from './apply';
import { exportTerritory } from './export';
import { planTerritory } from './stage';

const LAYER_WORDS = { communities: '社区', grids: '网格', buildings: '楼栋' } as const;

/** The territory's jobs, each in a job thread on its own connection; the apply and the demo write in one transaction. */
export const territoryThreadJobs = {
  'territory.preview': (ctx: ServiceContext, input: TerritoryInput, job: JobControl): JobOutcome => {
    const { preview } = planTerritory(ctx, input, job);
    const c = preview.counts;
    return { summary: `${LAYER_WORDS[input.layer]}预览：可新增 ${c.create}，可更新 ${c.update}，未通过 ${c.reject}`, result: preview };
  },
  'territory.apply': (ctx: ServiceContext, input: TerritoryInput, job: JobControl): JobOutcome => {
    const applied = applyTerritory(ctx, input, job);
    ctx.emit('data.changed', { domains: ['map', 'buildings', 'compounds', 'territory'] });
    return { summary: `已导入${LAYER_WORDS[input.layer]}：新增 ${applied.created}，更新 ${applied.updated}，未通过 ${applied.rejected}`, result: applied };
  },
  'territory.export': async (ctx: ServiceContext, input: { format: 'geojson' | 'shapefile' }, job: JobControl): Promise<JobOutcome> => {
    const { file, features } = await exportTerritory(ctx, input, job);
    return { summary: `已导出辖区：${features} 个要素`, file: { fileId: file.id, name: file.name, size: file.size }, result: { features } };
  },
  'territory.seedDemo': (ctx: ServiceContext, _input: unknown, job: JobControl): JobOutcome => {
    const summary = seedDatabase(ctx.sqlite, {
      preset: 'default',
      seed: 1,
      onProgress: (p) => {
        job.throwIfCancelled();
        job.progress(p.phase, p.done, p.total);
      },
    });
    appendAudit(ctx.sqlite, { actor: ctx.actor, action: 'seed.demo', target: 'default', detail: { seed: 1, buildings: summary.buildings } });
    ctx.emit('data.changed', { domains: ['*'] });
    return { summary: `已生成演示街道：${summary.communities} 个社区，${summary.grids} 个网格，${summary.buildings} 栋楼`, result: { communities: summary.communities, grids: summary.grids, buildings: summary.buildings } };
  },
};

export const TERRITORY_JOB_LABELS: Record<keyof typeof territoryThreadJobs, string> = {
  'territory.preview': '读取和检查辖区文件',
  'territory.apply': '导入辖区',
  'territory.export': '导出辖区',
  'territory.seedDemo': '生成演示数据',
};
