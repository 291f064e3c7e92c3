/** An instant as a machine-readable <time>, shown in the given time zone (UTC by default, and then said so). */
export function When({ at, timeZone = "UTC" }: { at: Date; timeZone?: string }) {
  const text = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(at);
  return <time dateTime={at.toISOString()}>{timeZone === "UTC" ? `${text} UTC` : text}</time>;
}
