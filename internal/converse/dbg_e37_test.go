package converse_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDbgE37(t *testing.T) {
	x := mustIndex(t, os.Getenv("P"))
	for i, r := range ask(x, strings.Split(os.Getenv("Q"), "|")...) {
		fmt.Printf("%d [%s] %s\n", i, r.Intent, r.Text)
	}
}
