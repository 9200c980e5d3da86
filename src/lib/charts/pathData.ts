/**
 * Shorter SVG path data, drawn the same: points rounded to a tenth of a
 * pixel (finer than any screen shows), written after the first as moves
 * relative to the one before (`l1.2-.4` instead of `L264.8,181.1`, the
 * letter written once for a run of lines), and
 * points that rounding made equal to the one before dropped. Only paths
 * made of M, L and Z (Plot's lines, areas and map shapes) are rewritten;
 * any other path keeps its commands, rounded. With `everyPoint`, no point
 * is dropped: paths resampled to the same commands (reshape.ts) keep them.
 */
export function compactPath(d: string, everyPoint = false): string {
  if (!/^[MLZ\d.,\s-]*$/.test(d)) return roundAll(d);
  const tokens = d.match(/[MLZ]|-?\d*\.?\d+(?:e-?\d+)?/g) ?? [];
  let out = '';
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let command = '';
  let lineRun = false;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i];
    if (token === 'Z') {
      out += 'z';
      lineRun = false;
      [x, y] = [startX, startY];
      i++;
      continue;
    }
    if (token === 'M' || token === 'L') {
      command = token;
      i++;
      continue;
    }
    const px = tenth(Number(tokens[i]));
    const py = tenth(Number(tokens[i + 1]));
    i += 2;
    if (command === 'M') {
      // The first move is absolute; later moves relative, as the lines are.
      out += out === '' ? `M${num(px)},${num(py)}` : `m${pair(px - x, py - y)}`;
      [startX, startY] = [px, py];
      command = 'L';
    } else {
      if (px === x && py === y && !everyPoint) continue;
      // After an `l`, more pairs need no letter: a space, or nothing before a minus sign.
      const next = pair(px - x, py - y);
      out += lineRun ? `${next.startsWith('-') ? '' : ' '}${next}` : `l${next}`;
      lineRun = true;
      [x, y] = [px, py];
      continue;
    }
    lineRun = false;
    [x, y] = [px, py];
  }
  return out;
}

const tenth = (v: number) => Math.round(v * 10) / 10;

/** A number as short as it can be written: `0.5` as `.5`, `-0.5` as `-.5`, no `-0`. */
function num(v: number): string {
  const text = String(tenth(v) + 0);
  return text.replace(/^(-?)0\./, '$1.');
}

/** Two numbers, with the separator left out where a minus sign already separates them. */
function pair(dx: number, dy: number): string {
  const b = num(dy);
  return `${num(dx)}${b.startsWith('-') ? '' : ','}${b}`;
}

function roundAll(d: string): string {
  return d.replace(/(\d+\.\d)\d+/g, '$1');
}
