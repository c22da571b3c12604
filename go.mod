module goconcurrency.dev/playground

go 1.26.8

require github.com/evanw/esbuild v0.28.2

require (
	github.com/google/go-cmp v0.7.0 // indirect
	golang.org/x/sys v0.0.0-20220715151400-c0bba94af5f8 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)
