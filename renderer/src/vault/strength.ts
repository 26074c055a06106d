// Passphrase strength, estimated by zxcvbn-ts with its common and English dictionaries.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

let factory: ZxcvbnFactory | null = null;

export interface Strength {
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  hint: string;
}

const labels = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;
export const MIN_SCORE = 3;

export function estimateStrength(passphrase: string, userInputs: string[] = []): Strength {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  const result = factory.check(passphrase, userInputs);
  const score = result.score as Strength['score'];
  const hint =
    score >= MIN_SCORE
      ? 'Good. Keep it somewhere only you can reach.'
      : (result.feedback.warning ?? result.feedback.suggestions[0] ?? 'Add more words to make it harder to guess.');
  return { score, label: labels[score], hint: hint || 'Add more words to make it harder to guess.' };
}
