// Command parley is the Parley server and its tools: one binary with
// subcommands (serve, migrate, import, version, ...).
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(os.Stderr, "parley:", err)
		os.Exit(1)
	}
}

// env is what a command reads of its process: arguments aside, the
// environment and standard streams, so that tests can run commands in-process.
type env struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// command is one subcommand.
type command struct {
	name  string
	short string
	run   func(ctx context.Context, args []string, e env) error
}

func commands() []command {
	return []command{
		{"serve", "run the API server (embedded defaults: SQLite, in-process cache)", runServe},
		{"migrate", "apply, roll back or list database migrations", runMigrate},
		{"import", "import a JSON Resume document as a profile", runImport},
		{"admin", "OAuth clients, API keys, users and signing keys", runAdmin},
		{"dbcopy", "copy a MySQL/MariaDB or SQLite database into PostgreSQL, verified and resumable", runDBCopy},
		{"gateway", "reverse proxy in front of parley servers", runGateway},
		{"version", "print the version", runVersion},
		{"eval", "run a question set against profiles and report accuracy", runEval},
	}
}

// run dispatches args to a subcommand.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := env{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		usage(stderr)
		return errors.New("no command given")
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdout)
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:], e)
		}
	}
	usage(stderr)
	return fmt.Errorf("unknown command %q", args[0])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, `Parley answers questions about one person's professional profile, by text or voice.

Usage:
  parley COMMAND [flags]

Commands:`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.short)
	}
	fmt.Fprintln(w, `
Run "parley COMMAND --help" for a command's flags and settings.

Quick start (no other server needed), with any JSON Resume file (in a source
checkout: internal/converse/eval/testdata/sample.resume.json):
  parley import --slug ada ada.resume.json
  parley serve
  curl http://127.0.0.1:8080/v1/profiles/ada
  curl -XPOST http://127.0.0.1:8080/v1/sessions -H 'Content-Type: application/json' -d '{"profile":"ada"}'`)
}

// newFlagSet returns a flag set whose -h prints the command's own help.
// Parse it with parseFlags, which sends that help to stdout.
func newFlagSet(name, synopsis string, stderr io.Writer, extra func(io.Writer)) *flag.FlagSet {
	fs := flag.NewFlagSet("parley "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: parley %s\n\n", synopsis)
		fmt.Fprintln(w, "Flags:")
		fs.PrintDefaults()
		if extra != nil {
			fmt.Fprintln(w)
			extra(w)
		}
	}
	return fs
}

// parseFlags parses args into fs. Help asked for with -h or --help goes to
// stdout, so that `parley serve --help | grep STT` and a pager work; a
// parse error and the usage after it go to stderr, as does a later
// fs.Usage() for a missing argument.
func parseFlags(fs *flag.FlagSet, args []string, e env) error {
	var buf bytes.Buffer
	fs.SetOutput(&buf)
	err := fs.Parse(args)
	fs.SetOutput(e.stderr)
	w := e.stderr
	if errors.Is(err, flag.ErrHelp) {
		w = e.stdout
	}
	if _, werr := w.Write(buf.Bytes()); werr != nil && err == nil {
		err = werr
	}
	return err
}
