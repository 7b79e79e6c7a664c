import { StepCard } from '../StepCard';
import type { StepKindView } from './types';

export const modalView: StepKindView<'modal'> = {
  kind: 'modal',
  render: (props) => (
    <div class="wm-backdrop">
      <StepCard {...props} anchored={false} modal />
    </div>
  ),
};
