/**
 * A claim as the claim view lays it out: one wording per outlet to compare side by side, the
 * accused's responses, and the reports source by source from the first onwards.
 */
import { isResponse, type Stance } from '../analysis/types.ts';
import type { ClaimView, ReportView, SourceSummary } from '../store/views.ts';
import { sourceTime } from '../store/source-time.ts';

export interface OutletWording {
  source: SourceSummary;
  /** The part of the outlet's report that makes the claim: what is compared. */
  text: string;
  stance: Stance;
  /** Everyone the outlet credits with the claim, over all its reports of it. */
  attributedTo: string[];
}

export interface SourceReports {
  source: SourceSummary;
  /** Days after the first source, by the outlets' dates; 0 for the first. */
  daysAfterFirst: number;
  reports: ReportView[];
}

export interface ClaimLayout {
  /** One per source, the first to report it first. */
  wordings: OutletWording[];
  /** Denials, admissions and the like, in the order the sources reported them. */
  responses: ReportView[];
  sources: SourceReports[];
}

const dayMs = 86_400_000;

export function claimLayout(view: ClaimView): ClaimLayout {
  const sources = bySource(view.reports);
  const first = sources[0];
  // The engine's own choice of each outlet's wording, where it compared them.
  const compared = view.discrepancies.find((discrepancy) => discrepancy.kind === 'wording');
  return {
    wordings: sources.map(({ source, reports }) => {
      const chosen = compared?.values.find((value) => value.source === source.url)?.text;
      const report =
        (chosen && reports.find((candidate) => candidate.text.includes(chosen))) || representative(reports);
      return { source, text: chosen ?? report.text, stance: report.stance, attributedTo: attributions(reports) };
    }),
    responses: view.reports.filter((report) => isResponse(report.stance)),
    sources: sources.map(({ source, reports }) => ({
      source,
      daysAfterFirst: first ? Math.round((sourceTime(source) - sourceTime(first.source)) / dayMs) : 0,
      reports,
    })),
  };
}

/** The reports grouped by source, in the order the reports come (the first source first). */
function bySource(reports: ReportView[]): { source: SourceSummary; reports: [ReportView, ...ReportView[]] }[] {
  const groups = new Map<string, { source: SourceSummary; reports: [ReportView, ...ReportView[]] }>();
  for (const report of reports) {
    const group = groups.get(report.source.url);
    if (group) group.reports.push(report);
    else groups.set(report.source.url, { source: report.source, reports: [report] });
  }
  return [...groups.values()];
}

/** Each name once, whatever its case, in the order the reports give them. */
function attributions(reports: ReportView[]): string[] {
  const seen = new Set<string>();
  return reports.flatMap((report) =>
    report.attributedTo.filter((name) => !seen.has(name.toLowerCase()) && seen.add(name.toLowerCase())),
  );
}

/** The report that says most about the claim: the longest allegation (a headline is short), else the longest report. */
function representative(reports: [ReportView, ...ReportView[]]): ReportView {
  const allegations = reports.filter((report) => !isResponse(report.stance));
  const pool = allegations.length > 0 ? allegations : reports;
  return pool.reduce((best, report) => (report.text.length > best.text.length ? report : best));
}
