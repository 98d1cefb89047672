// The app's quiz instance, tied to the app's store, and the hook components read it with.
import { useStore } from 'zustand';
import { appStore } from '../store/appStore.ts';
import { createQuizStore, type QuizState } from './quizStore.ts';

export const quizStore = createQuizStore(appStore);

export function useQuiz<T>(selector: (s: QuizState) => T): T {
  return useStore(quizStore, selector);
}
