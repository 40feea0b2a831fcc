/** At most this many months of items on the axis; items outside are in the table only. */
export const maxAxisItemMonths = 36;
/** Today is added to the axis when it lies at most this many months beyond the items. */
const maxMonthsToToday = 12;

export interface TimelineAxis {
  /** `YYYY-MM` of every column, in order: never more than 36 + 12 months. */
  months: string[];
  /** How many items lie before the first and after the last column. */
  itemsBefore: number;
  itemsAfter: number;
}

/** `2026-11` → months since year 0, so months can be counted without building ranges. */
function monthIndex(month: string): number {
  const [year = 0, monthOfYear = 1] = month.split('-').map(Number);
  return year * 12 + monthOfYear - 1;
}

function monthOf(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The months the timeline shows. A process plan spans a year or two, but stored dates need not
 * (an import, a draft from years ago, a deadline typed as 9999): the axis is the 36-month stretch
 * holding the most items (nearest today when several hold as many), widened to today when today is
 * within a year of it. The number of columns is bounded whatever the dates are, and the page says
 * how many items lie outside (all are in the table).
 */
export function timelineAxis(itemDates: readonly string[], today: string): TimelineAxis {
  const todayIndex = monthIndex(today.slice(0, 7));
  const indices = itemDates.map((date) => monthIndex(date.slice(0, 7))).sort((a, b) => a - b);
  if (!indices.length) return { months: [monthOf(todayIndex)], itemsBefore: 0, itemsAfter: 0 };

  const distanceToToday = (start: number, end: number) =>
    todayIndex < start ? start - todayIndex : todayIndex > end ? todayIndex - end : 0;
  let best = { start: indices[0]!, end: indices[0]!, count: 0 };
  let left = 0;
  for (let right = 0; right < indices.length; right += 1) {
    while (indices[right]! - indices[left]! >= maxAxisItemMonths) left += 1;
    const candidate = { start: indices[left]!, end: indices[right]!, count: right - left + 1 };
    const isBetter =
      candidate.count > best.count ||
      (candidate.count === best.count &&
        distanceToToday(candidate.start, candidate.end) < distanceToToday(best.start, best.end));
    if (isBetter) best = candidate;
  }

  const start =
    todayIndex < best.start && best.start - todayIndex <= maxMonthsToToday ? todayIndex : best.start;
  const end = todayIndex > best.end && todayIndex - best.end <= maxMonthsToToday ? todayIndex : best.end;
  const months: string[] = [];
  for (let index = start; index <= end; index += 1) months.push(monthOf(index));
  return {
    months,
    itemsBefore: indices.filter((index) => index < start).length,
    itemsAfter: indices.filter((index) => index > end).length,
  };
}
