from peerjournal.cli import main

raise SystemExit(main())
