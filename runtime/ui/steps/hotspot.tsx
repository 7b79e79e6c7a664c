import { StepCard } from '../StepCard';
import { UI_TEXT } from '../uiText';
import type { StepKindView } from './types';

export const hotspotView: StepKindView<'hotspot'> = {
  kind: 'hotspot',
  collapsible: true,
  render: (props) => (
    <>
      <button
        type="button"
        class="wm-beacon"
        data-beacon
        data-primary={props.expanded ? undefined : ''}
        aria-expanded={props.expanded ? 'true' : 'false'}
        aria-label={UI_TEXT.openTip(props.step.title ?? props.guideTitle)}
        onClick={props.on.toggle}
      />
      {props.expanded && <StepCard {...props} />}
    </>
  ),
};
