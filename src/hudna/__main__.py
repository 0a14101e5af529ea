from hudna.cli.app import main

main()
