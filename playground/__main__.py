from playground.cli.main import main

raise SystemExit(main())
