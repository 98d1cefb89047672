// The training parts of a link, each present only when it differs from the default:
//   params=w,b                  the names trained (when the roles are not the defaults)
//   data=x,y;0,1;1,3            the data table: header first, rows by `;`, cells by `,`
//   lr=0.1  opt=momentum|adam   learning rate and optimizer
//   batch=8                     rows per step (absent: the full batch)
//   train=250                   steps taken (replayed on opening: training is deterministic)
//   init=3                      seed of the random initialisation (not `seed`: forward mode's)
//   view=batch                  the graph shows the batch (each row a block feeding the mean)
// Parsed as hostile input like the rest of the hash: anything malformed rejects the whole link.
import {
  DEFAULT_INIT_SEED,
  formatDataTable,
  isOptimizerId,
  MAX_DATA_ROWS,
  parseDataTable,
  type DataTable,
  type OptimizerId,
} from '../../ad-core/index.ts';

export interface TrainingLink {
  params?: string[];
  data?: DataTable;
  lr?: number;
  optimizer?: OptimizerId;
  batchSize?: number;
  steps?: number;
  seed?: number;
  /** The batch view (absent: one example's graph). */
  view?: 'batch';
}

export const TRAIN_LINK_KEYS = [
  'params',
  'data',
  'lr',
  'opt',
  'batch',
  'train',
  'init',
  'view',
] as const;
/** Steps a link may ask to replay. */
export const MAX_LINK_STEPS = 100_000;
const MAX_PARAMS = 500;
const NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const WHOLE = /^\d{1,10}$/;

export type TrainingLinkResult =
  { ok: true; link: TrainingLink | undefined } | { ok: false; reason: string };

/** The training parts among a link's decoded fields (undefined link: there are none). */
export function parseTrainingLink(fields: ReadonlyMap<string, string>): TrainingLinkResult {
  if (!TRAIN_LINK_KEYS.some((k) => fields.has(k))) return { ok: true, link: undefined };
  const link: TrainingLink = {};
  const params = fields.get('params');
  if (params !== undefined) {
    const names = params === '' ? [] : params.split(',');
    if (
      names.length > MAX_PARAMS ||
      !names.every((n) => NAME.test(n)) ||
      new Set(names).size !== names.length
    )
      return { ok: false, reason: 'the parameters in the link are not a list of names' };
    link.params = names;
  }
  const data = fields.get('data');
  if (data !== undefined) {
    const parsed = parseDataTable(data, 'semicolon', 1);
    if (!parsed.ok)
      return {
        ok: false,
        reason: `the data in the link is not valid: ${parsed.diagnostics[0]!.message}`,
      };
    link.data = parsed.table;
  }
  const lr = fields.get('lr');
  if (lr !== undefined) {
    const v = Number(lr);
    if (!NUMBER.test(lr) || !Number.isFinite(v) || !(v > 0))
      return { ok: false, reason: 'the learning rate in the link is not a positive number' };
    link.lr = v;
  }
  const opt = fields.get('opt');
  if (opt !== undefined) {
    if (!isOptimizerId(opt)) return { ok: false, reason: 'the optimizer in the link is unknown' };
    link.optimizer = opt;
  }
  const batch = fields.get('batch');
  if (batch !== undefined) {
    if (!WHOLE.test(batch) || Number(batch) < 1 || Number(batch) > MAX_DATA_ROWS)
      return {
        ok: false,
        reason: `the batch size in the link is not a whole number from 1 to ${MAX_DATA_ROWS}`,
      };
    link.batchSize = Number(batch);
  }
  const steps = fields.get('train');
  if (steps !== undefined) {
    if (!WHOLE.test(steps) || Number(steps) > MAX_LINK_STEPS)
      return {
        ok: false,
        reason: `the training steps in the link are not a whole number up to ${MAX_LINK_STEPS}`,
      };
    link.steps = Number(steps);
  }
  const init = fields.get('init');
  if (init !== undefined) {
    if (!WHOLE.test(init) || Number(init) >= 2 ** 32)
      return { ok: false, reason: 'the initialisation seed in the link is not a whole number' };
    link.seed = Number(init);
  }
  const view = fields.get('view');
  if (view !== undefined) {
    if (view !== 'batch') return { ok: false, reason: 'the graph view in the link is unknown' };
    link.view = 'batch';
  }
  return { ok: true, link };
}

/** `&params=…&data=…` for the parts `link` has, in a fixed order. */
export function formatTrainingLink(link: TrainingLink): string {
  let out = '';
  if (link.params) out += `&params=${link.params.map(encodeURIComponent).join(',')}`;
  if (link.data) out += `&data=${encodeURIComponent(formatDataTable(link.data, 'semicolon'))}`;
  if (link.lr !== undefined) out += `&lr=${link.lr}`;
  if (link.optimizer !== undefined) out += `&opt=${link.optimizer}`;
  if (link.batchSize !== undefined) out += `&batch=${link.batchSize}`;
  if (link.steps !== undefined && link.steps > 0) out += `&train=${link.steps}`;
  if (link.seed !== undefined && link.seed !== DEFAULT_INIT_SEED) out += `&init=${link.seed}`;
  if (link.view === 'batch') out += '&view=batch';
  return out;
}
