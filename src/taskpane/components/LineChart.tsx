/**
 * A small SVG line chart for the narrow pane, with a legend and the numbers as a table for screen
 * readers and anyone who prefers them. Series differ by dash pattern and marker shape as well as colour,
 * so nothing depends on telling colours apart. Colours are Fluent tokens.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import type { Point } from "../domain/evaluate";
import { useStyles } from "./styles";

export interface ChartSeries {
  readonly id: string;
  readonly label: string;
  readonly points: readonly Point[];
  /** Points drawn as markers (defaults to the line's points). */
  readonly markers?: readonly Point[];
  readonly emphasis?: boolean;
}

export interface LineChartProps {
  readonly title: string;
  /** One sentence for screen readers: what the chart shows. */
  readonly summary: string;
  readonly series: readonly ChartSeries[];
  readonly xLabel: string;
  readonly yLabel: string;
  /** Formats a y tick; `step` is the distance between ticks, to choose the decimals. */
  readonly formatY: (y: number, step: number) => string;
  readonly table: { readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[] };
}

const COLORS = [
  tokens.colorNeutralForeground1,
  tokens.colorPaletteRedForeground1,
  tokens.colorPaletteGreenForeground1,
  tokens.colorBrandForeground1,
  tokens.colorPaletteDarkOrangeForeground1,
  tokens.colorPaletteBerryForeground1,
  tokens.colorPaletteTealForeground2,
  tokens.colorPalettePurpleForeground2,
  tokens.colorPaletteMarigoldForeground1,
];
const DASHES = ["", "6 3", "2 2", "8 3 2 3", "4 4", "1 3", "10 4", "3 2 1 2", "12 2"];
const MARKERS = ["circle", "square", "triangle", "diamond", "triangleDown", "plus", "cross", "circleOpen", "squareOpen"] as const;

export const seriesStyle = (i: number) => ({ color: COLORS[i % COLORS.length], dash: DASHES[i % DASHES.length], marker: MARKERS[i % MARKERS.length] });

const W = 320;
const H = 190;
const M = { left: 42, right: 8, top: 8, bottom: 30 };

function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

function Marker({ shape, x, y, color }: { shape: (typeof MARKERS)[number]; x: number; y: number; color: string }) {
  const s = 3;
  const filled = { fill: color, stroke: color };
  const open = { fill: tokens.colorNeutralBackground1, stroke: color };
  switch (shape) {
    case "circle":
      return <circle cx={x} cy={y} r={s} style={filled} />;
    case "circleOpen":
      return <circle cx={x} cy={y} r={s} style={open} />;
    case "square":
      return <rect x={x - s} y={y - s} width={2 * s} height={2 * s} style={filled} />;
    case "squareOpen":
      return <rect x={x - s} y={y - s} width={2 * s} height={2 * s} style={open} />;
    case "triangle":
      return <polygon points={`${x},${y - s - 1} ${x - s - 1},${y + s} ${x + s + 1},${y + s}`} style={filled} />;
    case "triangleDown":
      return <polygon points={`${x},${y + s + 1} ${x - s - 1},${y - s} ${x + s + 1},${y - s}`} style={filled} />;
    case "diamond":
      return <polygon points={`${x},${y - s - 1} ${x + s + 1},${y} ${x},${y + s + 1} ${x - s - 1},${y}`} style={filled} />;
    case "plus":
      return <path d={`M${x - s - 1},${y}H${x + s + 1}M${x},${y - s - 1}V${y + s + 1}`} style={{ stroke: color, strokeWidth: 1.5 }} />;
    case "cross":
      return <path d={`M${x - s},${y - s}L${x + s},${y + s}M${x - s},${y + s}L${x + s},${y - s}`} style={{ stroke: color, strokeWidth: 1.5 }} />;
  }
}

const useChartStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  caption: { fontWeight: tokens.fontWeightSemibold },
  svg: { width: "100%", height: "auto", maxWidth: "40rem", display: "block", overflow: "visible" },
  axisText: { fontSize: "9px", fill: tokens.colorNeutralForeground2, fontFamily: tokens.fontFamilyBase },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 0.5 },
  legend: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  legendItem: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200 },
});

export function LineChart({ title, summary, series, xLabel, yLabel, formatY, table }: LineChartProps) {
  const styles = useChartStyles();
  const common = useStyles();
  const captionId = useId("chart-caption");
  const all = series.flatMap((s) => [...s.points, ...(s.markers ?? [])]);
  const xs = all.map((p) => p.x);
  const ys = all.map((p) => p.y);
  const xMax = Math.max(1, ...xs);
  let yMin = Math.min(...ys);
  let yMax = Math.max(...ys);
  if (!Number.isFinite(yMin) || !Number.isFinite(yMax)) [yMin, yMax] = [0, 0.01];
  if (yMax - yMin < 1e-4) [yMin, yMax] = [yMin - 0.0005, yMax + 0.0005];
  const pad = (yMax - yMin) * 0.08;
  const y0 = yMin - pad;
  const y1 = yMax + pad;
  const sx = (x: number) => M.left + (x / xMax) * (W - M.left - M.right);
  const sy = (y: number) => M.top + ((y1 - y) / (y1 - y0)) * (H - M.top - M.bottom);
  const xTicks = niceTicks(0, xMax, 6);
  const yTicks = niceTicks(y0, y1, 5);
  return (
    <figure className={styles.figure} aria-labelledby={captionId}>
      <figcaption id={captionId} className={styles.caption}>
        {title}
      </figcaption>
      <svg className={styles.svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}. ${summary}`} focusable="false">
        {yTicks.map((t) => (
          <g key={`y${t}`}>
            <line className={styles.grid} x1={M.left} x2={W - M.right} y1={sy(t)} y2={sy(t)} />
            <text className={styles.axisText} x={M.left - 4} y={sy(t) + 3} textAnchor="end">
              {formatY(t, yTicks.length > 1 ? yTicks[1] - yTicks[0] : Math.abs(t) || 1)}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={`x${t}`} className={styles.axisText} x={sx(t)} y={H - M.bottom + 12} textAnchor="middle">
            {t}
          </text>
        ))}
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} style={{ stroke: tokens.colorNeutralStroke1 }} />
        <text className={styles.axisText} x={(M.left + W - M.right) / 2} y={H - 2} textAnchor="middle">
          {xLabel}
        </text>
        <text className={styles.axisText} x={10} y={(M.top + H - M.bottom) / 2} textAnchor="middle" transform={`rotate(-90 10 ${(M.top + H - M.bottom) / 2})`}>
          {yLabel}
        </text>
        {series.map((s, i) => {
          const st = seriesStyle(i);
          const d = s.points.map((p, j) => `${j === 0 ? "M" : "L"}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join("");
          return (
            <g key={s.id} data-series={s.id}>
              <path d={d} fill="none" style={{ stroke: st.color, strokeWidth: s.emphasis ? 2.5 : 1.5, strokeDasharray: st.dash || undefined }} />
              {(s.markers ?? s.points).map((p, j) => (
                <Marker key={j} shape={st.marker} x={sx(p.x)} y={sy(p.y)} color={st.color} />
              ))}
            </g>
          );
        })}
      </svg>
      <ul className={styles.legend} aria-label={`Legend of ${title.toLowerCase()}`}>
        {series.map((s, i) => {
          const st = seriesStyle(i);
          return (
            <li key={s.id} className={styles.legendItem}>
              <svg width="28" height="10" aria-hidden="true" focusable="false">
                <line x1="1" x2="27" y1="5" y2="5" style={{ stroke: st.color, strokeWidth: s.emphasis ? 2.5 : 1.5, strokeDasharray: st.dash || undefined }} />
                <Marker shape={st.marker} x={14} y={5} color={st.color} />
              </svg>
              {s.label}
            </li>
          );
        })}
      </ul>
      <Accordion collapsible>
        <AccordionItem value="table">
          <AccordionHeader size="small">Show the numbers as a table</AccordionHeader>
          <AccordionPanel>
            <div className={common.tableWrap}>
              <Table size="extra-small" aria-label={`${title}: values`}>
                <TableHeader>
                  <TableRow>
                    {table.columns.map((c) => (
                      <TableHeaderCell key={c}>{c}</TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {table.rows.map((r, i) => (
                    <TableRow key={i}>
                      {r.map((v, j) => (
                        <TableCell key={j}>{v}</TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </figure>
  );
}

export const formatPct = (y: number, digits = 2) => `${(y * 100).toFixed(digits)}%`;

/** A percent tick label with just enough decimals to tell ticks `step` apart. */
export const formatPctTick = (y: number, step: number) => formatPct(y, Math.min(4, Math.max(0, Math.ceil(-Math.log10(step * 100) - 1e-9))));
