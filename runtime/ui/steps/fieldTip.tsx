import { StepCard } from '../StepCard';
import type { StepKindView } from './types';

export const fieldTipView: StepKindView<'fieldTip'> = {
  kind: 'fieldTip',
  render: (props) => <StepCard {...props} />,
};
