// The app's lesson instance and the hook components read it with.
import { useStore } from 'zustand';
import { quizStore } from '../quiz/quiz.ts';
import { appStore } from '../store/appStore.ts';
import { createLessonStore, type LessonState } from './lessonStore.ts';

export const lessonStore = createLessonStore(appStore, quizStore, window);

export function useLessons<T>(selector: (s: LessonState) => T): T {
  return useStore(lessonStore, selector);
}
