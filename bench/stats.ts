// Summaries of repeated samples: the median is what the table compares (robust to one noisy
// round); min and max show the spread.

export interface Summary {
  median: number;
  min: number;
  max: number;
  samples: number;
}

export function summarise(values: readonly number[]): Summary {
  if (values.length === 0)
    return { median: Number.NaN, min: Number.NaN, max: Number.NaN, samples: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, samples: sorted.length };
}
