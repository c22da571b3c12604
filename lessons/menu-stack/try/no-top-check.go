// Try this: Remove the len(stack) == 1 case and type b at the top...
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

func main() {
	stack := []level{{"top", world}} // the bottom of the stack is the top menu
	in := bufio.NewScanner(os.Stdin)
	for {
		cur := stack[len(stack)-1] // peek: the menu we are in
		var path []string
		for _, l := range stack {
			path = append(path, l.name)
		}
		fmt.Printf("[%s]\n", strings.Join(path, " > "))
		for _, name := range slices.Sorted(maps.Keys(cur.items)) { // maps have no order: sort
			fmt.Println("   ", name)
		}

		fmt.Print(">>> ")
		if !in.Scan() {
			fmt.Println()
			return
		}
		k := strings.TrimSpace(in.Text())
		sub, found := cur.items[k]
		switch {
		case k == "q":
			fmt.Println("bye")
			return
		case k == "b":
			stack = stack[:len(stack)-1] // pop: back to the menu below
		case !found:
			fmt.Printf("no entry %q here\n", k)
		case len(sub) == 0:
			fmt.Printf("%s has no submenu\n", k)
		default:
			stack = append(stack, level{k, sub}) // push: go down one level
		}
	}
}
