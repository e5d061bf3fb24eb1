/** The one sentence that must accompany every scaled score we show (see docs: exam format). */
export function EstimateNote() {
  return (
    <p className="estimate-note">
      Estimate: 100 + 900 × the share of correct answers. AWS equates real scores across exam forms, which a practice
      test cannot reproduce.
    </p>
  );
}
