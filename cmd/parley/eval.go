package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/parleyhq/parley/internal/converse/eval"
)

// runEval runs a question set through the deterministic engine and reports
// accuracy and every miss; it fails when accuracy is below --min.
func runEval(ctx context.Context, args []string, e env) error {
	fs := newFlagSet("eval", "eval [flags] FILE", e.stderr, func(w io.Writer) {
		fmt.Fprint(w, `Runs a YAML question set (profiles and multi-turn threads with expected facts,
forbidden strings and refusals) against the deterministic engine, then prints the
accuracy and each missed turn. See internal/converse/eval for the format.

Example:
  parley eval --min 0.95 internal/converse/eval/testdata/public.yaml
`)
	})
	nowFlag := fs.String("now", "", `"today" as YYYY-MM-DD, for reproducible answers (default: the set's own, else today)`)
	verbose := fs.Bool("verbose", false, "print every turn, not only the misses")
	minAcc := fs.Float64("min", 0, "fail (exit 1) when accuracy is below this fraction, 0..1")
	if err := parseFlags(fs, args, e); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errors.New("eval: need one FILE")
	}
	set, err := eval.Load(fs.Arg(0))
	if err != nil {
		return err
	}
	now, pinned, err := set.Today()
	if err != nil {
		return err
	}
	if *nowFlag != "" {
		if now, err = time.Parse(time.DateOnly, *nowFlag); err != nil {
			return fmt.Errorf("eval: --now %q: want YYYY-MM-DD", *nowFlag)
		}
	} else if !pinned {
		now = time.Now().UTC()
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	r := eval.Run(set, now)
	if *verbose {
		for _, t := range r.Log {
			fmt.Fprintln(e.stdout, t)
		}
	}
	for _, m := range r.Misses {
		fmt.Fprintln(e.stdout, "MISS", m)
	}
	fmt.Fprintf(e.stdout, "accuracy %.1f%% (%d of %d turns passed, today %s)\n", 100*r.Accuracy, r.Passed, r.Turns, now.Format(time.DateOnly))
	if r.Accuracy < *minAcc {
		return fmt.Errorf("eval: accuracy %.3f is below --min %.3f", r.Accuracy, *minAcc)
	}
	return nil
}
