/**
 * Alert workflow: new 新预警 → verifying 初步核实 → excluded 排除 | confirmed 确认 → investigating 调查处置 →
 * closed 结案. An alert cannot be excluded straight from `new`: as in CIDARS every signal is verified first,
 * so raise→verifying is measured for every alert. Excluding or closing needs a note (the reason or conclusion).
 */
export const ALERT_STATUSES = ['new', 'verifying', 'excluded', 'confirmed', 'investigating', 'closed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const ALERT_STATUS_LABELS: Record<AlertStatus, string> = {
  new: '新预警',
  verifying: '初步核实',
  excluded: '排除',
  confirmed: '确认',
  investigating: '调查处置',
  closed: '结案',
};

/** Statuses in which an alert is open (the partial unique index of `alert` uses the same list). */
export const OPEN_ALERT_STATUSES: readonly AlertStatus[] = ['new', 'verifying', 'confirmed', 'investigating'];

export function isAlertStatus(value: string): value is AlertStatus {
  return (ALERT_STATUSES as readonly string[]).includes(value);
}

export function isOpenAlertStatus(status: AlertStatus): boolean {
  return OPEN_ALERT_STATUSES.includes(status);
}

/** The statuses an alert may move to from `from`. */
export function nextAlertStatuses(from: AlertStatus): readonly AlertStatus[] {
  switch (from) {
    case 'new':
      return ['verifying'];
    case 'verifying':
      return ['excluded', 'confirmed'];
    case 'confirmed':
      return ['investigating'];
    case 'investigating':
      return ['closed'];
    case 'excluded':
    case 'closed':
      return [];
  }
}

export function noteRequired(to: AlertStatus): boolean {
  return to === 'excluded' || to === 'closed';
}

/** Which workflow timestamp a transition sets. Excluding also closes the alert, so it sets both. */
export type AlertTimestamp = 'verifyingAt' | 'verifiedAt' | 'investigatingAt' | 'closedAt';

export function timestampsSetBy(to: AlertStatus): readonly AlertTimestamp[] {
  switch (to) {
    case 'new':
      return [];
    case 'verifying':
      return ['verifyingAt'];
    case 'confirmed':
      return ['verifiedAt'];
    case 'excluded':
      return ['verifiedAt', 'closedAt'];
    case 'investigating':
      return ['investigatingAt'];
    case 'closed':
      return ['closedAt'];
  }
}

export type TransitionCheck = { ok: true } | { ok: false; reason: 'illegal' | 'note_required'; message: string };

export function checkAlertTransition(from: AlertStatus, to: AlertStatus, note: string | null): TransitionCheck {
  if (!nextAlertStatuses(from).includes(to)) {
    return {
      ok: false,
      reason: 'illegal',
      message: `预警状态不能从“${ALERT_STATUS_LABELS[from]}”变为“${ALERT_STATUS_LABELS[to]}”`,
    };
  }
  if (noteRequired(to) && (note === null || note.trim() === '')) {
    return { ok: false, reason: 'note_required', message: `${ALERT_STATUS_LABELS[to]}须填写说明` };
  }
  return { ok: true };
}
