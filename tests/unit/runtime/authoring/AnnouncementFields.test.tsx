// @vitest-environment happy-dom
/** The panel's announcement fields: they make the draft an announcement that passes the check. */
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { guideSchema } from '../../../../core/guide/schema';
import { AnnouncementFields } from '../../../../runtime/authoring/AnnouncementFields';
import { emptyDraft, guideOf, type Draft } from '../../../../runtime/authoring/draft';
import type { DraftGuide } from '../../../../runtime/authoring/useDraftGuide';

/** The fields over a draft kept here, drawn again after every change as the panel does. */
function panel() {
  let draft: Draft = { ...emptyDraft('demo', 'account:list', 'rep'), id: 'news', title: 'News' };
  const view = render(<div />);
  const draw = () =>
    view.rerender(<AnnouncementFields guide={{ draft, update } as unknown as DraftGuide} />);
  function update(change: Partial<Draft>) {
    draft = { ...draft, ...change };
    draw();
  }
  draw();
  return { view, draft: () => draft };
}

describe('the announcement fields of the authoring panel', () => {
  afterEach(cleanup);

  it('write an announcement with its line and a link to a guide', () => {
    const { view, draft } = panel();
    expect(view.queryByLabelText('Its line')).toBeNull();
    fireEvent.click(view.getByLabelText(/This guide is an announcement/));
    fireEvent.input(view.getByLabelText('Its line'), {
      target: { value: 'The **Stage** field changed.' },
    });
    fireEvent.change(view.getByLabelText('Its link'), { target: { value: 'guide' } });
    fireEvent.input(view.getByLabelText('Id of the guide'), { target: { value: 'tour' } });
    fireEvent.input(view.getByLabelText('Words of the link'), { target: { value: 'Show me' } });
    const guide = guideOf(draft());
    expect(guide.announcement).toEqual({
      text: 'The **Stage** field changed.',
      link: { label: 'Show me', guide: 'tour' },
    });
    expect(guide.steps).toEqual([]);
    expect(guideSchema.safeParse(guide).success).toBe(true);

    // Unchecked, the guide is a walkthrough again, which then needs a step.
    fireEvent.click(view.getByLabelText(/This guide is an announcement/));
    expect(guideOf(draft()).announcement).toBeUndefined();
    expect(guideSchema.safeParse(guideOf(draft())).success).toBe(false);
  });

  it('ask for an address when the link opens a page', () => {
    const { view, draft } = panel();
    fireEvent.click(view.getByLabelText(/This guide is an announcement/));
    fireEvent.input(view.getByLabelText('Its line'), { target: { value: 'Reports moved.' } });
    fireEvent.change(view.getByLabelText('Its link'), { target: { value: 'url' } });
    fireEvent.input(view.getByLabelText('Address (https://… or /path)'), {
      target: { value: 'javascript:alert(1)' },
    });
    fireEvent.input(view.getByLabelText('Words of the link'), { target: { value: 'Open' } });
    expect(guideSchema.safeParse(guideOf(draft())).success).toBe(false);
    fireEvent.input(view.getByLabelText('Address (https://… or /path)'), {
      target: { value: '/app/reports' },
    });
    expect(guideSchema.parse(guideOf(draft())).announcement?.link).toEqual({
      label: 'Open',
      url: '/app/reports',
    });
  });
});
