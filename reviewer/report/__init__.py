"""reviewer/report"""
