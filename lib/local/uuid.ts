/**
 * UUID version 7 (RFC 9562) for the ids a phone makes (ops, activities, attempts…): a 48-bit millisecond
 * timestamp, a 12-bit counter that keeps the ids of one millisecond in the order they were made (method 1 of the
 * RFC; when it runs out the time moves on by a millisecond, and a clock that steps back does not reorder ids), then
 * 62 random bits. A few lines instead of the uuidv7 package on every screen that can queue an op (the first-load
 * budget); the server keeps the package.
 */
let lastMs = 0;
let counter = 0;

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

export function uuidv7(now: number = Date.now()): string {
  const random = crypto.getRandomValues(new Uint32Array(3));
  if (now > lastMs) {
    lastMs = now;
    counter = random[0]! & 0x7ff; // a random start with room to count up
  } else if (++counter > 0xfff) {
    lastMs += 1;
    counter = random[0]! & 0x7ff;
  }
  const timeHigh = Math.floor(lastMs / 0x10000);
  const timeLow = lastMs % 0x10000;
  const variant = 0x8000 | (random[1]! & 0x3fff); // 0b10 then 14 random bits
  return `${hex(timeHigh, 8)}-${hex(timeLow, 4)}-${hex(0x7000 | counter, 4)}-${hex(variant, 4)}-${hex(random[2]!, 8)}${hex(random[1]! >>> 16, 4)}`;
}
