// The JSX hint (global JSX.IntrinsicElements): attributes are checked, unknown ones refused.
import 'minutes-outline';

export const ok = [
  <minutes-outline src="/minutes/114-18.txt" sync-url="" id="outline" lang="en" timeout={60} />,
  <minutes-outline text="壹、報告事項\n一、甲案。" className="wide" />,
];

// @ts-expect-error no such attribute
export const typo = <minutes-outline srcs="/minutes.txt" />;
