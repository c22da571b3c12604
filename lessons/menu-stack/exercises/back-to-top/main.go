// Walk a three-level menu: type a name to go down, b to go back, q to quit.
// The menus you have entered are kept on a stack (a slice).
package main

import (
	"bufio"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
)

// Menu maps each entry to its submenu; an empty submenu means a leaf.
type Menu map[string]Menu

var world = Menu{
	"Beijing": {
		"Haidian": {
			"Wudaokou":     {"Google": {}, "Sohu": {}},
			"Zhongguancun": {"iQiyi": {}, "Autohome": {}},
			"Shangdi":      {"Baidu": {}},
		},
		"Changping": {
			"Shahe":           {"Songlanbao": {}},
			"University Town": {},
		},
	},
	"Shanghai": {"Disneyland": {}},
}

type level struct {
	name  string
	items Menu
}

// step applies the command k to the stack and returns the new stack, a message for
// the user ("" if there is nothing to say), and whether k was the command to quit.
func step(stack []level, k string) ([]level, string, bool) {
	cur := stack[len(stack)-1] // peek: the menu we are in
	sub, found := cur.items[k]
	switch {
	case k == "q":
		return stack, "bye", true
	case k == "b" && len(stack) == 1:
		return stack, "already at the top", false
	case k == "b":
		return stack[:len(stack)-1], "", false // pop: back to the menu below
	case !found:
		return stack, fmt.Sprintf("no entry %q here", k), false
	case len(sub) == 0:
		return stack, k + " has no submenu", false
	default:
		return append(stack, level{k, sub}), "", false // push: go down one level
	}
}

// path is the breadcrumb: the names on the stack, bottom to top.
func path(stack []level) string {
	var names []string
	for _, l := range stack {
		names = append(names, l.name)
	}
	return strings.Join(names, " > ")
}

func main() {
	stack := []level{{"top", world}} // the bottom of the stack is the top menu
	in := bufio.NewScanner(os.Stdin)
	for {
		fmt.Printf("[%s]\n", path(stack))
		for _, name := range slices.Sorted(maps.Keys(stack[len(stack)-1].items)) {
			fmt.Println("   ", name)
		}
		fmt.Print(">>> ")
		if !in.Scan() {
			fmt.Println()
			return
		}
		var msg string
		var quit bool
		stack, msg, quit = step(stack, strings.TrimSpace(in.Text()))
		if msg != "" {
			fmt.Println(msg)
		}
		if quit {
			return
		}
	}
}
