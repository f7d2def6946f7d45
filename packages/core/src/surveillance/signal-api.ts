/** Request and response types of the signal API (docs/surveillance.md "Signals"). */
import type { SiteKind } from './site-kinds.js';
import type { SignalBatchError } from './signal-batch.js';

export interface SurveillanceSiteView {
  id: number;
  code: string;
  name: string;
  kind: SiteKind;
  townshipCode: string;
  villageCode: string | null;
  facilityId: number | null;
  active: boolean;
}

export interface SurveillanceSiteInput {
  code: string;
  name: string;
  kind: SiteKind;
  townshipCode: string;
  villageCode?: string | null | undefined;
  facilityId?: number | null | undefined;
  active?: boolean | undefined;
}

/** `channel` is how the batch arrived. */
export type SignalChannel = 'api' | 'csv' | 'manual';

export interface SignalIngestResult {
  batchId: string;
  channel: SignalChannel;
  rowCount: number;
  inserted: number;
  replaced: number;
  unchanged: number;
  receivedAt: string;
  /** True when the batch id was already received: nothing changed, the earlier result is returned. */
  repeated: boolean;
}

/** 422 body detail when a batch is rejected. */
export type SignalBatchErrors = SignalBatchError[];

export interface ManualSignalInput {
  site: string;
  date: string;
  signal: string;
  count: number;
}

export interface SignalSeriesPoint {
  date: string;
  count: number;
}

export interface SignalSeries {
  signal: string;
  /** The township code, or the county code for the whole county. */
  area: string;
  from: string;
  to: string;
  points: SignalSeriesPoint[];
}

export interface SignalCountView {
  id: number;
  siteCode: string;
  siteName: string;
  townshipCode: string;
  date: string;
  signal: string;
  count: number;
  batchId: string;
  updatedAt: string;
}

export interface SignalCountPage {
  total: number;
  page: number;
  pageSize: number;
  rows: SignalCountView[];
}
