// The scenarios by name, in the order a full run takes them.
import type { ScenarioContext } from './context.ts';
import type { IntakeResult } from './intake.ts';
import { runIntake } from './intake.ts';
import type { PipelineResult } from './pipeline.ts';
import { runPipeline } from './pipeline.ts';
import type { RepushResult } from './repush.ts';
import { runRepush } from './repush.ts';

export const SCENARIO_NAMES = ['intake', 'pipeline', 'repush'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export type ScenarioResult = IntakeResult | PipelineResult | RepushResult;

export const SCENARIOS: Record<ScenarioName, (context: ScenarioContext) => Promise<ScenarioResult>> = {
  intake: runIntake,
  pipeline: runPipeline,
  repush: runRepush
};
