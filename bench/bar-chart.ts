/** One horizontal bar: its label on the left, its value's text at its end. */
export interface Bar {
  label: string;
  value: number;
  text: string;
  color: string;
}

/**
 * The benchmark's SVG charts: horizontal bars on one scale, dashed marker lines (targets,
 * limits), a tick axis and a legend line. Plain SVG text, so the file renders on GitHub and in
 * any browser without scripts or fonts of its own.
 *
 * @example
 * renderBarChart({ title: "…", subtitle: "…", bars: [{ label: "a", value: 1, text: "1", color: "#2e7d32" }], markers: [], legend: "…" });
 */
export function renderBarChart(chart: {
  title: string;
  subtitle: string;
  bars: Bar[];
  /** Dashed vertical lines; labels stack upwards so neither runs off the right edge. */
  markers: { value: number; label: string }[];
  legend: string;
  /** The scale's lowest maximum (default: the largest value or marker, plus 5 %). */
  minimumMax?: number;
  /** Tick spacing (default: a round step giving four to eight ticks) and their format. */
  tickStep?: number;
  formatTick?: (value: number) => string;
}): string {
  const { bars, markers } = chart;
  const width = 860;
  const labelWidth = 360;
  const left = labelWidth + 10;
  const right = width - 70;
  const top = 84 + markers.length * 16;
  const rowHeight = 30;
  const height = top + bars.length * rowHeight + 40;
  const max = Math.max(chart.minimumMax ?? 0, ...bars.map((bar) => bar.value * 1.05), ...markers.map((m) => m.value * 1.05));
  const x = (value: number) => left + ((right - left) * value) / max;
  const step = chart.tickStep ?? roundStep(max);
  const formatTick = chart.formatTick ?? ((value: number) => value.toLocaleString("en-US"));

  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="title desc" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="13">`,
    `<title id="title">${escape(chart.title)}</title>`,
    `<desc id="desc">${escape(bars.map((bar) => `${bar.label}: ${bar.text}`).join("; "))}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="26" font-size="16" font-weight="600" fill="#111">${escape(chart.title)}</text>`,
    `<text x="16" y="46" fill="#555">${escape(chart.subtitle)}</text>`,
  ];
  markers.forEach((marker, i) => {
    const y = top - 10 - (markers.length - 1 - i) * 16;
    parts.push(
      `<line x1="${x(marker.value).toFixed(1)}" y1="${y + 4}" x2="${x(marker.value).toFixed(1)}" y2="${top + bars.length * rowHeight}" stroke="#333" stroke-width="1.5" stroke-dasharray="5 4"/>`,
      `<text x="${(x(marker.value) + 3).toFixed(1)}" y="${y}" text-anchor="end" fill="#333" font-size="12">${escape(marker.label)}</text>`,
    );
  });
  bars.forEach((bar, i) => {
    const y = top + i * rowHeight;
    parts.push(
      `<text x="${labelWidth}" y="${y + 19}" text-anchor="end" fill="#111">${escape(bar.label)}</text>`,
      `<rect x="${left}" y="${y + 5}" width="${Math.max(1, x(bar.value) - left).toFixed(1)}" height="20" fill="${bar.color}" rx="2"/>`,
      `<text x="${(x(bar.value) + 6).toFixed(1)}" y="${y + 20}" fill="#111" font-weight="600">${escape(bar.text)}</text>`,
    );
  });
  const axisY = top + bars.length * rowHeight;
  parts.push(`<line x1="${left}" y1="${axisY}" x2="${right}" y2="${axisY}" stroke="#999"/>`);
  for (let tick = 0; tick <= max + 1e-9; tick += step) {
    parts.push(
      `<line x1="${x(tick)}" y1="${axisY}" x2="${x(tick)}" y2="${axisY + 5}" stroke="#999"/>`,
      `<text x="${x(tick)}" y="${axisY + 19}" text-anchor="middle" fill="#555" font-size="12">${escape(formatTick(tick))}</text>`,
    );
  }
  parts.push(`<text x="${left}" y="${axisY + 34}" fill="#555" font-size="12">${escape(chart.legend)}</text>`, `</svg>`, "");
  return parts.join("\n");
}

/** 1, 2 or 5 times a power of ten, so that `max` spans four to eight ticks. */
function roundStep(max: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(max / 4));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((step) => max / step <= 8) ?? 10 * magnitude;
}

export function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
