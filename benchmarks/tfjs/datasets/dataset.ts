/** A tabular learning problem: rows of numeric features and a class index or a numeric target. */
export interface Dataset {
  readonly name: string;
  readonly kind: 'classification' | 'regression';
  /** Row-major features, `rows * features` values. */
  readonly x: Float32Array;
  /** Class index (classification) or target value (regression), one per row. */
  readonly y: Float32Array;
  readonly rows: number;
  readonly features: number;
  /** Number of classes; 1 for regression. */
  readonly outputs: number;
  /** Side of the square one-channel images the rows hold, for image datasets. */
  readonly imageSize?: number;
  readonly source: string;
}

/** Train and validation parts, features standardized with the training part's mean and deviation. */
export interface SplitDataset {
  readonly name: string;
  readonly kind: Dataset['kind'];
  readonly features: number;
  readonly outputs: number;
  readonly imageSize?: number;
  readonly train: { readonly x: Float32Array; readonly y: Float32Array; readonly rows: number };
  readonly validation: { readonly x: Float32Array; readonly y: Float32Array; readonly rows: number };
  /** Regression targets are standardized for training; errors are reported in the original unit. */
  readonly targetScale: number;
}

/** Builds a Dataset from records, one-hot encoding categorical columns; rows with a missing value are dropped. */
export function datasetFromRecords(options: {
  name: string;
  source: string;
  records: readonly Record<string, unknown>[];
  numeric: readonly string[];
  categorical: readonly string[];
  target: string;
  kind: Dataset['kind'];
}): Dataset {
  const { records, numeric, categorical, target, kind } = options;
  const columns = [...numeric, ...categorical, target];
  const complete = records.filter((r) => columns.every((c) => r[c] !== null && r[c] !== undefined && r[c] !== '' && r[c] !== '.'));
  const levels = new Map(categorical.map((c) => [c, [...new Set(complete.map((r) => String(r[c])))].sort()]));
  const classes = kind === 'classification' ? [...new Set(complete.map((r) => String(r[target])))].sort() : [];
  const features = numeric.length + categorical.reduce((n, c) => n + levels.get(c)!.length, 0);
  const x = new Float32Array(complete.length * features);
  const y = new Float32Array(complete.length);
  complete.forEach((record, row) => {
    let k = row * features;
    for (const c of numeric) x[k++] = Number(record[c]);
    for (const c of categorical) {
      const values = levels.get(c)!;
      x[k + values.indexOf(String(record[c]))] = 1;
      k += values.length;
    }
    y[row] = kind === 'classification' ? classes.indexOf(String(record[target])) : Number(record[target]);
  });
  return { name: options.name, kind, x, y, rows: complete.length, features, outputs: kind === 'classification' ? classes.length : 1, source: options.source };
}
