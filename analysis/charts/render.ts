import { existsSync } from 'node:fs';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** Stage 8 (render): a vega-lite spec to SVG, headless (vega's 'none' renderer, no DOM or canvas). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Font files PNG rendering loads besides the system fonts (DejaVu Sans, as Debian ships it). */
const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
];

export function fontFiles(): string[] {
  return FONT_CANDIDATES.filter((f) => existsSync(f));
}

/**
 * SVG to PNG with resvg at `scale` times the SVG size. Text needs a font: system fonts are
 * loaded and DejaVu Sans is the default family, so charts keep their labels on a bare Linux.
 */
export function renderPng(svg: string, scale = 2): Buffer {
  return new Resvg(svg, resvgOptions(scale)).render().asPng();
}

export function resvgOptions(scale = 2): ResvgRenderOptions {
  return {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { loadSystemFonts: true, fontFiles: fontFiles(), defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  };
}
