// Loading a training preset: its formula into the playground, the Train tab open, its data and
// settings into training.
import { appStore } from '../store/appStore.ts';
import { trainingActions } from '../store/training.ts';
import type { TrainPreset } from './presets.ts';

export function loadTrainPreset(preset: TrainPreset): void {
  const app = appStore.getState();
  app.loadExample({
    id: preset.id,
    title: preset.title,
    formula: preset.formula,
    at: {},
    lesson: preset.lesson,
  });
  appStore.getState().openDrawerTab('train');
  trainingActions.load(preset.setup);
}
