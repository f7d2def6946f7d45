/**
 * Underlying causes of death (ICD-10) by age, roughly as China's cause-of-death surveillance reports them:
 * perinatal causes and malformations in infants, injuries in children and young adults, the four major
 * NCDs (I00–I99, C00–C97, E10–E14, J30–J98) from middle age on.
 */
import { pickIndex } from './sampling.js';
import type { Random } from '../random.js';

type CauseMix = readonly (readonly [code: string, weight: number])[];

const INFANT: CauseMix = [
  ['P07.3', 0.25],
  ['P21.9', 0.15],
  ['Q24.9', 0.2],
  ['P36.9', 0.1],
  ['J18.9', 0.15],
  ['W78', 0.05],
  ['R95', 0.1],
];
const CHILD: CauseMix = [
  ['W74', 0.25],
  ['V89.2', 0.2],
  ['Q24.9', 0.15],
  ['C95.9', 0.1],
  ['J18.9', 0.1],
  ['G40.9', 0.05],
  ['W19', 0.05],
  ['A41.9', 0.1],
];
const YOUNG_ADULT: CauseMix = [
  ['V89.2', 0.3],
  ['X70', 0.12],
  ['W19', 0.08],
  ['W74', 0.05],
  ['I21.9', 0.08],
  ['I61.9', 0.07],
  ['C92.0', 0.06],
  ['C22.0', 0.06],
  ['A16.9', 0.04],
  ['B20', 0.02],
  ['K74.6', 0.04],
  ['N18.9', 0.04],
  ['R99', 0.04],
];
const MIDDLE_AGE: CauseMix = [
  ['I21.9', 0.11],
  ['I63.9', 0.12],
  ['I61.9', 0.05],
  ['I10', 0.04],
  ['C34.9', 0.12],
  ['C16.9', 0.06],
  ['C22.0', 0.06],
  ['C15.9', 0.03],
  ['C18.9', 0.02],
  ['E11.9', 0.04],
  ['J44.9', 0.06],
  ['V89.2', 0.05],
  ['W19', 0.03],
  ['X70', 0.02],
  ['A16.9', 0.02],
  ['K74.6', 0.06],
  ['N18.9', 0.03],
  ['J18.9', 0.02],
  ['R99', 0.06],
];
const OLD_AGE: CauseMix = [
  ['I21.9', 0.17],
  ['I63.9', 0.19],
  ['I10', 0.08],
  ['I50.9', 0.03],
  ['C34.9', 0.07],
  ['C16.9', 0.04],
  ['C22.0', 0.03],
  ['E11.9', 0.04],
  ['J44.9', 0.13],
  ['J18.9', 0.06],
  ['W19', 0.04],
  ['G30.9', 0.03],
  ['N18.9', 0.02],
  ['A41.9', 0.02],
  ['R54', 0.05],
];

/** Causes of maternal deaths: haemorrhage, hypertensive disorders, embolism, cardiac disease. */
const MATERNAL: CauseMix = [
  ['O72.1', 0.4],
  ['O14.1', 0.25],
  ['O88.1', 0.2],
  ['O99.4', 0.15],
];

function draw(random: Random, mix: CauseMix): string {
  const index = pickIndex(
    random,
    mix.map(([, weight]) => weight)
  );
  return mix[index]?.[0] ?? 'R99';
}

export function causeOfDeath(random: Random, age: number): string {
  if (age === 0) return draw(random, INFANT);
  if (age < 15) return draw(random, CHILD);
  if (age < 30) return draw(random, YOUNG_ADULT);
  if (age < 70) return draw(random, MIDDLE_AGE);
  return draw(random, OLD_AGE);
}

export function maternalCause(random: Random): string {
  return draw(random, MATERNAL);
}
