import { StepCard } from '../StepCard';
import type { StepKindView } from './types';

export const fieldTipView: StepKindView<'fieldTip'> = {
  kind: 'fieldTip',
  // Beside the field, where the eye goes next, rather than over what the rep is typing.
  placement: 'right',
  render: (props) => <StepCard {...props} />,
};
