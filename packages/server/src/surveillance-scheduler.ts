/**
 * The daily detection run: each day after 01:00 Beijing time, yesterday's run for every installed county, and on
 * start the same when yesterday's run is missing (a server that was down at 01:00 catches up). Failures are
 * logged, never thrown, so a bad county does not stop the others or the server.
 */
import { hasFinishedRun, listInstalledCountyCodes, runDetection } from '@chp/db';
import type { Db } from '@chp/db';
import { today } from './health/dates.js';

const RUN_AFTER_HOUR = 1;
const HOUR_MS = 3_600_000;
const BEIJING_OFFSET_MS = 8 * HOUR_MS;

function yesterday(): string {
  const time = Date.parse(`${today()}T00:00:00Z`) - 24 * HOUR_MS;
  return new Date(time).toISOString().slice(0, 10);
}

/** Milliseconds from `now` to the next 01:00 Beijing time. */
function msUntilNextRun(now: number): number {
  const beijing = now + BEIJING_OFFSET_MS;
  const dayStart = beijing - (beijing % (24 * HOUR_MS));
  let next = dayStart + RUN_AFTER_HOUR * HOUR_MS;
  if (next <= beijing) next += 24 * HOUR_MS;
  return next - beijing;
}

/** Runs yesterday for every installed county that has no finished run for it yet. */
export async function runMissingDetections(db: Db, log: (message: string) => void): Promise<void> {
  const date = yesterday();
  for (const county of await listInstalledCountyCodes(db)) {
    try {
      if (await hasFinishedRun(db, county, date)) continue;
      const summary = await runDetection(db, county, date, 'daily', null);
      log(
        `预警检测 ${county} ${date}：${summary.seriesCount} 个序列，${summary.alarmCount} 个报警，${summary.alertCount} 条预警`
      );
    } catch (error) {
      log(`预警检测 ${county} ${date} 失败：${(error as Error).message}`);
    }
  }
}

export interface Scheduler {
  stop(): void;
}

/** Starts the schedule (checking on start when it is past 01:00 Beijing time); timers do not keep the process alive. */
export function startSurveillanceScheduler(db: Db, log: (message: string) => void): Scheduler {
  let timer: NodeJS.Timeout | undefined;
  const run = (): void => {
    runMissingDetections(db, log)
      .catch((error: unknown) => {
        log(`预警检测失败：${(error as Error).message}`);
      })
      .finally(schedule);
  };
  const schedule = (): void => {
    timer = setTimeout(run, msUntilNextRun(Date.now()));
    timer.unref();
  };
  const beijingHour = new Date(Date.now() + BEIJING_OFFSET_MS).getUTCHours();
  if (beijingHour >= RUN_AFTER_HOUR) {
    timer = setTimeout(run, 0);
    timer.unref();
  } else {
    schedule();
  }
  return {
    stop: (): void => {
      clearTimeout(timer);
    },
  };
}
