import JSNACommands

JSNA.main()
