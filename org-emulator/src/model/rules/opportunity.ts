// Opportunity: the stage drives IsClosed, IsWon, ForecastCategory and the default Probability; the close date
// drives the fiscal period (fiscal year starting in January, as in a new org).
import { OPPORTUNITY_STAGES } from '../../schema/standard/picklists.ts';
import type { ObjectRules } from './context.ts';
import { str, touches } from './context.ts';

const CATEGORY_NAMES: Record<string, string> = {
  Omitted: 'Omitted',
  Pipeline: 'Pipeline',
  BestCase: 'Best Case',
  Forecast: 'Commit',
  Closed: 'Closed'
};
const CATEGORY_BY_NAME: Record<string, string> = Object.fromEntries(
  Object.entries(CATEGORY_NAMES).map(([category, name]) => [name, category])
);

export const opportunityRules: ObjectRules = {
  derive(ctx): void {
    const v = ctx.values;
    if (touches(ctx, 'StageName')) {
      const stage = OPPORTUNITY_STAGES.find((s) => s.value === str(v, 'StageName'));
      v['IsClosed'] = stage?.closed ?? false;
      v['IsWon'] = stage?.won ?? false;
      if (!ctx.changed.has('Probability')) v['Probability'] = stage?.probability ?? null;
      if (!ctx.changed.has('ForecastCategoryName')) {
        const category = stage?.forecastCategory === 'Commit' ? 'Forecast' : (stage?.forecastCategory ?? 'Pipeline');
        v['ForecastCategory'] = category;
        v['ForecastCategoryName'] = CATEGORY_NAMES[category] ?? null;
      }
      if (ctx.op === 'update' && ctx.before?.['StageName'] !== v['StageName']) {
        v['LastStageChangeDate'] = v['LastModifiedDate'] ?? null;
      }
    }
    if (ctx.changed.has('ForecastCategoryName')) {
      v['ForecastCategory'] = CATEGORY_BY_NAME[str(v, 'ForecastCategoryName') ?? ''] ?? 'Pipeline';
    }
    const amount = v['Amount'];
    const probability = v['Probability'];
    v['ExpectedRevenue'] =
      typeof amount === 'number' && typeof probability === 'number' ? Math.round(amount * probability) / 100 : null;
    const closeDate = str(v, 'CloseDate');
    if (closeDate) {
      const year = Number(closeDate.slice(0, 4));
      const quarter = Math.ceil(Number(closeDate.slice(5, 7)) / 3);
      v['FiscalYear'] = year;
      v['FiscalQuarter'] = quarter;
      v['Fiscal'] = `${year} ${quarter}`;
    }
  }
};
