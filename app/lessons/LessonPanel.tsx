import { useEffect, useId, useMemo } from 'react';
import { useApp } from '../store/appStore.ts';
import { LESSONS, lessonById } from './content.ts';
import { resolvedPage } from './lessonStore.ts';
import { lessonStore, useLessons } from './lessons.ts';
import { LessonText } from './LessonText.tsx';
import { showsPage } from './onPage.ts';
import { fillTemplate } from './template.ts';
import './lessons.css';

/** While a page points at a panel, outline it (CSS keyed on the root element's data-*). */
function usePageMarks(lessonId: string | null, highlight: string | undefined) {
  useEffect(() => {
    const root = document.documentElement;
    if (lessonId) root.dataset.lesson = lessonId;
    else delete root.dataset.lesson;
    if (highlight) root.dataset.lessonHighlight = highlight;
    else delete root.dataset.lessonHighlight;
    return () => {
      delete root.dataset.lesson;
      delete root.dataset.lessonHighlight;
    };
  }, [lessonId, highlight]);
}

export function LessonPanel() {
  const lessonId = useLessons((s) => s.lessonId);
  const pageNo = useLessons((s) => s.page);
  const lesson = lessonId ? lessonById(lessonId) : undefined;
  const page = lesson?.pages[pageNo - 1];
  const resolved = useMemo(() => (page ? resolvedPage(page) : null), [page]);
  const onPage = useApp((s) => (resolved?.ok ? showsPage(s, resolved.state) : false));
  const filled = useMemo(() => (page && resolved?.ok ? fillTemplate(page.text, resolved.ctx) : null), [page, resolved]);
  const headingId = useId();
  usePageMarks(lessonId, onPage ? page?.highlight : undefined);

  if (!lesson || !page) return null;
  const { next, back, leave, showPageAgain, open } = lessonStore.getState();
  const index = LESSONS.indexOf(lesson);
  const following = LESSONS[index + 1];
  const last = pageNo === lesson.pages.length;

  return (
    <section className="lesson-panel" aria-labelledby={headingId}>
      <div className="lesson-top">
        <p className="lesson-kicker">
          Lesson {index + 1} · {lesson.short}
        </p>
        <button type="button" className="lesson-leave" onClick={leave} aria-label="Leave lesson" title="Leave the lesson">
          ✕
        </button>
      </div>
      <h2 id={headingId}>
        {page.heading}
      </h2>
      {filled?.ok ? (
        <LessonText paragraphs={filled.paragraphs} />
      ) : (
        <p className="lesson-text" data-testid="lesson-text" role="alert">
          This page could not be filled in ({filled ? filled.error : resolved && !resolved.ok ? resolved.error : 'unknown'}).
        </p>
      )}
      {!onPage && (
        <p className="lesson-away">
          You changed the playground; the numbers above are for this page&apos;s example.{' '}
          <button type="button" onClick={showPageAgain}>
            Show it again
          </button>
        </p>
      )}
      <nav className="lesson-nav" aria-label="Lesson pages">
        <button type="button" onClick={back} disabled={pageNo === 1}>
          Back
        </button>
        <span className="lesson-page num" data-testid="lesson-page">
          {pageNo} / {lesson.pages.length}
        </span>
        {last && following ? (
          <button type="button" className="primary" onClick={() => open(following.id)}>
            Next lesson
          </button>
        ) : (
          <button type="button" className="primary" onClick={next} disabled={last}>
            Next
          </button>
        )}
      </nav>
    </section>
  );
}
