module lessons

go 1.26
