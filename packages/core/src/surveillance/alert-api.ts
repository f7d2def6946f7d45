/** Alert shapes of the surveillance API (docs/surveillance.md, Alerts). */
import type { AlertGrade } from './alert-grades.js';
import type { AlertStatus } from './alert-status.js';

export interface AlertSummary {
  readonly id: number;
  readonly subject: string;
  readonly areaCode: string;
  readonly grade: AlertGrade;
  readonly status: AlertStatus;
  readonly firstDate: string;
  readonly lastDate: string;
  readonly assigneeId: number | null;
  readonly raisedAt: string;
  readonly verifyingAt: string | null;
  readonly verifiedAt: string | null;
  readonly investigatingAt: string | null;
  readonly closedAt: string | null;
  readonly emergencyEventId: number | null;
  readonly evidence: Record<string, unknown>;
}

export interface AlertEventEntry {
  readonly id: number;
  readonly at: string;
  readonly userId: number | null;
  readonly action: 'raised' | 'updated' | 'status' | 'assign' | 'note' | 'escalate';
  readonly fromStatus: AlertStatus | null;
  readonly toStatus: AlertStatus | null;
  readonly note: string | null;
  readonly detail: Record<string, unknown> | null;
}

export interface AlertDetectionResult {
  readonly assessedDate: string;
  readonly source: string;
  readonly method: string;
  readonly observed: number;
  readonly upperbound: number | null;
  readonly alarm: boolean;
}

export interface AlertDetail extends AlertSummary {
  readonly events: readonly AlertEventEntry[];
  readonly results: readonly AlertDetectionResult[];
}

export interface AlertListResponse {
  readonly total: number;
  readonly alerts: readonly AlertSummary[];
}

export interface AlertTransitionRequest {
  readonly to: AlertStatus;
  readonly note?: string | null;
}

export interface EmergencyEventSummary {
  readonly id: number;
  readonly alertId: number | null;
  readonly title: string;
  readonly subject: string;
  readonly areaCode: string;
  readonly status: string;
  readonly createdAt: string;
}
