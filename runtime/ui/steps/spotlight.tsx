import { StepCard } from '../StepCard';
import type { StepKindView } from './types';

export const spotlightView: StepKindView<'spotlight'> = {
  kind: 'spotlight',
  render: (props) => (
    <>
      <div class="wm-spot" data-spot aria-hidden="true" />
      <StepCard {...props} />
    </>
  ),
};
