import type { ChildAttributes } from '@mcm/shared';
import { LinkageModel, trainModel, TrainOptions } from './model';
import { nameFrequencies, NameFrequencies } from './probabilistic-child-linker';
import { fromChildAttributes, LinkageRecord } from './record';

/** `training.source` of every shipped model starts with this (older releases' shipped models included). */
export const SHIPPED_SOURCE_PREFIX = 'shipped:';

/** A model shipped with the aggregator (trained on simulated records), not one trained on a register. */
export function isShippedModel(model: LinkageModel): boolean {
  return model.training.source.startsWith(SHIPPED_SOURCE_PREFIX);
}

export type ModelChoice = 'active' | 'shipped' | 'train';

/**
 * Which model the probabilistic linker starts with. An active model that was trained (from the
 * register, or by `npm run linkage:train`) is kept. Otherwise (no model, or a shipped one is
 * active) the register is trained on once it holds `retrainMinProfiles` profiles, and until then
 * the shipped model (trained on simulated records) links from the very first event.
 */
export function chooseModel(active: LinkageModel | null, profiles: number, retrainMinProfiles: number): ModelChoice {
  if (active && !isShippedModel(active)) return 'active';
  return profiles >= retrainMinProfiles ? 'train' : 'shipped';
}

/** A register's folded profiles as linkage records (ids as strings). */
export function registerRecords(profiles: readonly { id: number; attributes: ChildAttributes }[]): LinkageRecord[] {
  return profiles.map((p) => fromChildAttributes(String(p.id), p.attributes));
}

export interface TrainedFromRegister {
  model: LinkageModel;
  frequencies: NameFrequencies;
}

/**
 * A model estimated on a register's current profiles (no labels), with the register-wide name
 * counts the linker adjusts for. Personal data in memory only.
 */
export function trainOnRegister(profiles: readonly { id: number; attributes: ChildAttributes }[], options: TrainOptions = {}): TrainedFromRegister {
  const model = trainModel(registerRecords(profiles), { source: 'register', ...options });
  return { model, frequencies: nameFrequencies(profiles.map((p) => p.attributes)) };
}
