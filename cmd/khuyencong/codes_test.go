package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const diagPath = "github.com/khuyencong/khuyencong/internal/diag"

// usedCodes type-checks every package of the program (tests left out) and
// returns each diagnostic code it writes, a constant of type diag.Code,
// with the places that write it. A code made at run time from a string
// that is not a constant could not be documented: it is reported as an
// error of the test.
func usedCodes(t *testing.T) map[string][]string {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("no go command to list the packages")
		}
		t.Skip("SKIP: no go command to list the packages; the codes are not checked against docs/ma-loi.md")
	}
	cmd := exec.Command("go", "list", "-export", "-deps", "-json=ImportPath,Dir,GoFiles,Export,Module", "./...")
	cmd.Dir = "../.."
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	type pkg struct {
		ImportPath, Dir, Export string
		GoFiles                 []string
		Module                  *struct{ Path string }
	}
	exports := map[string]string{}
	var ours []pkg
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p pkg
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		exports[p.ImportPath] = p.Export
		if p.Module != nil && p.Module.Path == "github.com/khuyencong/khuyencong" {
			ours = append(ours, p)
		}
	}
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) {
		return os.Open(exports[path])
	})
	used := map[string][]string{}
	for _, p := range ours {
		var files []*ast.File
		for _, name := range p.GoFiles {
			f, err := parser.ParseFile(fset, filepath.Join(p.Dir, name), nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
		info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
		conf := types.Config{Importer: imp}
		if _, err := conf.Check(p.ImportPath, fset, files, info); err != nil {
			t.Fatalf("%s: %v", p.ImportPath, err)
		}
		isCode := func(typ types.Type) bool {
			n, ok := typ.(*types.Named)
			return ok && n.Obj().Name() == "Code" && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == diagPath
		}
		for expr, tv := range info.Types {
			if !isCode(tv.Type) {
				continue
			}
			at := fset.Position(expr.Pos())
			where := filepath.ToSlash(strings.TrimPrefix(at.Filename, mustAbs(t, "../..")+string(filepath.Separator))) + ":" + strconv.Itoa(at.Line)
			if tv.Value != nil {
				code := constant.StringVal(tv.Value)
				if !slices.Contains(used[code], where) {
					used[code] = append(used[code], where)
				}
				continue
			}
			if call, ok := expr.(*ast.CallExpr); ok && len(call.Args) == 1 && info.Types[call.Fun].IsType() {
				if arg := info.Types[call.Args[0]]; arg.Value == nil && !isCode(arg.Type) {
					t.Errorf("%s: a code made at run time; write each code as a constant, so that docs/ma-loi.md can explain it", where)
				}
			}
		}
	}
	for _, w := range used {
		sort.Strings(w)
	}
	return used
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// documentedCodes returns the entries of docs/ma-loi.md by code: each
// entry is a heading “### `code`” and the text up to the next heading.
func documentedCodes(t *testing.T) map[string]string {
	t.Helper()
	doc, err := os.ReadFile("../../docs/ma-loi.md")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	heading := regexp.MustCompile("(?m)^#+ .*$")
	code := regexp.MustCompile("^### `([a-z0-9-]+)`$")
	bounds := heading.FindAllStringIndex(string(doc), -1)
	for i, b := range bounds {
		m := code.FindStringSubmatch(string(doc[b[0]:b[1]]))
		if m == nil {
			continue
		}
		end := len(doc)
		if i+1 < len(bounds) {
			end = bounds[i+1][0]
		}
		if _, dup := out[m[1]]; dup {
			t.Errorf("docs/ma-loi.md explains %s twice", m[1])
		}
		out[m[1]] = string(doc[b[1]:end])
	}
	return out
}

// TestErrorCodesDocumented holds docs/ma-loi.md and the program in step:
// every code a diagnostic can carry is explained there (its cause, what to
// do, an example), every code explained there is one the program writes,
// and the officers' guide leads to it.
func TestErrorCodesDocumented(t *testing.T) {
	used := usedCodes(t)
	documented := documentedCodes(t)
	if len(used) == 0 {
		t.Fatal("no code found in the program")
	}
	for code, where := range used {
		if _, ok := documented[code]; !ok {
			t.Errorf("code %s (%s) is not explained in docs/ma-loi.md", code, strings.Join(where, ", "))
		}
	}
	for code, text := range documented {
		if _, ok := used[code]; !ok {
			t.Errorf("docs/ma-loi.md explains %s, a code the program never writes", code)
		}
		for _, part := range []string{"**Nguyên nhân.**", "**Cách sửa.**", "\n```\n"} {
			if !strings.Contains(text, part) {
				t.Errorf("docs/ma-loi.md: the entry of %s lacks %q", code, part)
			}
		}
	}
	guide, err := os.ReadFile("../../docs/du-lieu.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(guide), "(ma-loi.md)") {
		t.Error("docs/du-lieu.md does not link to ma-loi.md")
	}
}
