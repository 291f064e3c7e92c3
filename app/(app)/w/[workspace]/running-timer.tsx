import { TimerBar } from "@/components/timer/timer-bar";
import type { Actor } from "@/lib/domain/actor";
import { now } from "@/lib/domain/clock";
import { getRunningTimer } from "@/lib/domain/timer/get-running-timer";
import { toTimerBarTimer } from "@/lib/web/timer-form";
import { discardTimerAction, stopTimerAction, updateTimerDescriptionAction } from "./timer-actions";

/** The header's timer for every workspace page (mounted once in the workspace layout). */
export async function RunningTimer({ slug, actor, timeZone }: { slug: string; actor: Actor; timeZone: string }) {
  const timer = await getRunningTimer(actor);
  return (
    <TimerBar
      timer={timer ? toTimerBarTimer(timer, timeZone, now()) : null}
      startHref={`/w/${slug}/time#timer`}
      stopAction={stopTimerAction.bind(null, slug)}
      discardAction={discardTimerAction.bind(null, slug)}
      describeAction={updateTimerDescriptionAction.bind(null, slug)}
    />
  );
}
