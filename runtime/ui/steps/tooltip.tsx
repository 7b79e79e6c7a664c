import { StepCard } from '../StepCard';
import type { StepKindView } from './types';

export const tooltipView: StepKindView<'tooltip'> = {
  kind: 'tooltip',
  render: (props) => <StepCard {...props} />,
};
