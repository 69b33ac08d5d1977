/**
 * Clock times: Korean writes a 12-hour clock with a part of the day (오후 7시 → 19:00, 새벽 2시 → 02:00, 밤 11시 →
 * 23:00, 낮 12시 30분 → 12:30) or a 24-hour clock (13시 28분, 13:28).
 */

/** Parts of the day that name a 12-hour half: which way the hour goes. */
export type DayPart = 'am' | 'pm' | 'night' | 'noon' | 'ambiguous';

const DAY_PARTS: Record<string, DayPart> = {
  오전: 'am',
  새벽: 'am',
  아침: 'am',
  이른아침: 'am',
  오후: 'pm',
  저녁: 'pm',
  늦은오후: 'pm',
  점심: 'noon',
  낮: 'noon',
  한낮: 'noon',
  대낮: 'noon',
  밤: 'night',
  늦은밤: 'night',
  한밤: 'night',
  한밤중: 'night',
  심야: 'night',
  야간: 'night',
  어젯밤: 'night',
  오늘밤: 'night',
};

/** The half of the day a word names, or undefined. Spaces inside (늦은 오후) are ignored. */
export function dayPartOf(word: string): DayPart | undefined {
  return DAY_PARTS[word.replace(/\s/g, '')];
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * The 24-hour "HH:MM" of an hour and minute read with a part of the day. Returns undefined when the hour or minute
 * is out of range. 오전 12시 is midnight (00:00); 오후 12시 and 낮 12시 are noon; 밤 12시 is midnight.
 */
export function clockValue(hour: number, minute = 0, part?: DayPart): string | undefined {
  if (!Number.isInteger(hour) || !Number.isInteger(minute) || hour < 0 || hour > 24 || minute < 0 || minute > 59) return undefined;
  let h = hour;
  if (part && hour <= 12) {
    switch (part) {
      case 'am':
        if (h === 12) h = 0;
        break;
      case 'pm':
        if (h < 12) h += 12;
        break;
      case 'noon':
        // 낮 12시 is noon, 낮 1시 … 5시 are afternoon hours, 낮 10시/11시 morning.
        if (h >= 1 && h <= 6) h += 12;
        break;
      case 'night':
        // 밤 9시 → 21:00, 밤 12시 → 00:00, 밤 1시 → 01:00 (after midnight).
        if (h === 12) h = 0;
        else if (h >= 6) h += 12;
        break;
      default:
        break;
    }
  }
  if (h === 24) h = 0;
  if (h > 23) return undefined;
  return `${pad(h)}:${pad(minute)}`;
}

/** An ISO 8601 duration for hours, minutes and seconds (PT2H30M, PT10M, PT30S). */
export function timeDuration(hours: number, minutes: number, seconds: number): string {
  let out = 'PT';
  if (hours) out += `${trimNumber(hours)}H`;
  if (minutes) out += `${trimNumber(minutes)}M`;
  if (seconds || out === 'PT') out += `${trimNumber(seconds)}S`;
  return out;
}

function trimNumber(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}
